/** Settings → Data through the real core and SQLite: ChatGPT import with a preview, a bad file refused whole, export, backup and restore. */
import { readFileSync } from 'node:fs'
import { test, expect } from './fixtures/app'
import { chatGptConversation } from '../src/main/core/history/testing/foreign-exports'

test.use({ seed: { conversations: [{ title: 'Seeded before', messages: 2 }] } })

const asFile = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) })

test('import a ChatGPT export with its branches, refuse a bad file whole, export, back up and restore', async ({ page, host }) => {
  await page.goto(host.url)
  const settings = () => page.getByRole('button', { name: 'Settings', exact: true }).click()
  await settings()
  const sidebar = page.getByRole('navigation')
  const importInput = page.getByLabel('Import', { exact: true })

  // A file with one bad record: the preview names it, and nothing can be imported.
  const broken = chatGptConversation('broken')
  await importInput.setInputFiles(asFile('conversations.json', [chatGptConversation('fine'), { ...broken, create_time: 'yesterday' }]))
  const preview = page.getByRole('region', { name: 'Import preview' })
  await expect(preview.getByRole('list', { name: 'Import problems' })).toContainText('conversation 2')
  await expect(preview.getByRole('button', { name: /^Import \d/ })).toHaveCount(0)
  await preview.getByRole('button', { name: 'Cancel import' }).click()
  await expect(sidebar.getByRole('button', { name: 'Trip to Lisbon', exact: true })).toHaveCount(0)

  await importInput.setInputFiles(asFile('conversations.json', [chatGptConversation('good')]))
  await expect(preview.getByRole('list', { name: 'Conversations to import' })).toContainText('Trip to Lisbon — 5 messages')
  await preview.getByRole('button', { name: 'Import 1 conversation' }).click()
  await expect(page.getByText('Imported 1 conversation.')).toBeVisible()
  await sidebar.getByRole('button', { name: 'Trip to Lisbon', exact: true }).click()
  const log = page.getByRole('log', { name: 'Messages' })
  await expect(log).toContainText('About 840 euros together.')

  await settings()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export all', exact: true }).click()
  const file = await (await downloading).path()
  const exported = JSON.parse(readFileSync(file, 'utf8'))
  expect(exported.conversations.map((c: { title: string }) => c.title).sort()).toEqual(['Seeded before', 'Trip to Lisbon'])

  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByText(/^Backed up to manual-/)).toBeVisible()
  // Remove the import, then bring it back from the backup.
  await sidebar.getByRole('button', { name: 'Delete conversation "Trip to Lisbon"' }).click()
  await sidebar.getByRole('button', { name: 'Yes, delete "Trip to Lisbon"' }).click()
  await expect(sidebar.getByRole('button', { name: 'Trip to Lisbon', exact: true })).toHaveCount(0)
  await page.getByRole('list', { name: 'Backups' }).getByRole('button', { name: /^Restore the backup from/ }).first().click()
  await page.getByRole('button', { name: 'Yes, restore' }).click()
  await expect(page.getByText(/^Restored manual-.*saved as before-restore-/)).toBeVisible()
  await expect(sidebar.getByRole('button', { name: 'Trip to Lisbon', exact: true })).toBeVisible()
})
