/**
 * The OCR journey in the browser host: files dropped at once go through the queue, the
 * viewer shows the original beside its markdown with boxes, search opens page 3, exports
 * download, the same file again bills nothing, and bad files are refused with nothing
 * reaching the simulator. Fixtures are generated into a temp folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { PAGE3_SENTENCE, writeFixtures, type FixtureName } from './fixtures/documents/documents'
import { test, expect, saveKey } from './fixtures/app'

let dir: string
let files: Record<FixtureName, string>
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mdesk-ocr-fixtures-'))
  files = writeFixtures(dir)
})
test.afterAll(() => rmSync(dir, { recursive: true, force: true }))

const ocrCalls = (sim: { requests: { path: string }[] }) => sim.requests.filter((r) => r.path === '/v1/ocr' || r.path.startsWith('/v1/files'))

/** Drops files on the window as the OS would: a drop event whose DataTransfer holds them. */
async function dropFiles(page: Page, names: FixtureName[]) {
  const payload = names.map((name) => ({ name: name.toString(), data: readFileSync(files[name]).toString('base64') }))
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer()
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], item.name))
    }
    return dt
  }, payload)
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer })
}

async function openDocuments(page: Page, key: string) {
  await saveKey(page, key)
  await expect(page.getByText(/Key saved/)).toBeVisible()
  await page.getByRole('button', { name: 'Documents' }).click()
}

test('two dropped files are read, shown beside the original, searched, exported, and not billed twice', async ({ page, sim }) => {
  await openDocuments(page, sim.key)
  await dropFiles(page, ['report.pdf', 'scan.png'])
  const queue = page.getByRole('list', { name: 'OCR queue' })
  await expect(queue.getByRole('listitem', { name: 'report.pdf' })).toContainText('Done')
  await expect(queue.getByRole('listitem', { name: 'scan.png' })).toContainText('Done')
  await expect(queue.getByRole('listitem', { name: 'report.pdf' })).toContainText('4 pages')

  await page.getByRole('button', { name: 'Open report.pdf' }).click()
  await expect(page.getByRole('img', { name: 'Original page 1' })).toBeVisible()
  await expect(page.getByText('of 4')).toBeVisible()
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.getByRole('spinbutton', { name: 'Page' })).toHaveValue('2')
  await expect(page.getByRole('img', { name: 'Image box img-0.jpeg' })).toBeVisible()
  await expect(page.getByLabel('Page text')).toContainText('Figure 1 shows the tide gauge.')

  await page.getByRole('searchbox', { name: 'Search documents' }).fill('herons')
  await page.getByRole('button', { name: 'report.pdf — p. 3' }).click()
  await expect(page.getByRole('spinbutton', { name: 'Page' })).toHaveValue('3')
  await expect(page.getByLabel('Page text')).toContainText(PAGE3_SENTENCE)

  const md = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export Markdown' }).click()
  expect((await md).suggestedFilename()).toBe('report.md')
  const zip = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export ZIP' }).click()
  expect((await zip).suggestedFilename()).toBe('report.zip')

  const before = ocrCalls(sim).filter((r) => r.path === '/v1/ocr').length
  await dropFiles(page, ['report.pdf'])
  await expect(queue.getByText('(already stored, nothing billed)')).toBeVisible()
  expect(ocrCalls(sim).filter((r) => r.path === '/v1/ocr').length).toBe(before)
})

test('each bad file shows why, and nothing reaches the API', async ({ page, sim }) => {
  await openDocuments(page, sim.key)
  const bad: [FixtureName, RegExp][] = [
    ['renamed-binary.pdf', /not a document Mistral OCR accepts/],
    ['empty.pdf', /is empty \(0 bytes\)/],
    ['corrupt.pdf', /not a readable PDF/],
    ['encrypted.pdf', /password-protected/],
    ['thousand-and-one-pages.pdf', /1001 pages; Mistral OCR takes at most 1000 pages/],
  ]
  await page.getByLabel('Documents to add').setInputFiles(bad.map(([name]) => files[name]))
  const queue = page.getByRole('list', { name: 'OCR queue' })
  for (const [name, why] of bad) await expect(queue.getByRole('listitem', { name })).toContainText(why)
  expect(ocrCalls(sim)).toEqual([])
})
