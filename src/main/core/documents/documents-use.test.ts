/**
 * Using a stored document: exports (Markdown, ZIP with images and tables, CSV), reading
 * stored bytes back in chunks, the "Ask about this document" context, and
 * "Extract fields" annotations checked against their schema.
 */
import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { multiPagePdf, PAGE3_SENTENCE } from '../../../../e2e/fixtures/documents/documents'
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/documents'
import type { DocumentChunk, QueueItem } from '../../../shared/domain'
import { CoreHarness } from '../testing/core-harness'
import { makeTempDir } from '../testing/temp-dir'

let h: CoreHarness
let tmp: { dir: string; cleanup: () => void }
let report: string

beforeAll(() => {
  tmp = makeTempDir()
  report = path.join(tmp.dir, 'report.pdf')
  fs.writeFileSync(report, multiPagePdf())
})
afterAll(() => tmp.cleanup())
beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

async function ocr(options = {}): Promise<string> {
  const added = await h.ok('documents.addPath', { path: report, options })
  for (;;) {
    const item = (await h.ok('documents.queue', {})).find((i) => i.id === added.id) as QueueItem
    if (item.stage === 'done') return item.documentId!
    if (item.stage === 'failed') throw new Error(item.error ?? 'failed')
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function readAll(ref: string): Promise<Buffer> {
  const parts: Buffer[] = []
  let offset: number | null = 0
  while (offset !== null) {
    const chunk: DocumentChunk = await h.ok("documents.read", { ref, offset })
    expect(chunk.data.length).toBeLessThanOrEqual(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4)
    parts.push(Buffer.from(chunk.data, 'base64'))
    offset = chunk.next
  }
  return Buffer.concat(parts)
}

describe('exports', () => {
  it('writes one Markdown file with its images in an images folder', async () => {
    const id = await ocr()
    const out = path.join(tmp.dir, 'export-folder')
    const { path: md } = await h.ok('documents.exportFolder', { id, dir: out })
    expect(md).toBe(path.join(out, 'report.md'))
    const text = fs.readFileSync(md, 'utf8')
    expect(text).toContain('<!-- page 3 -->')
    expect(text).toContain(PAGE3_SENTENCE)
    expect(text).toContain('![img-0.jpeg](images/img-0.jpeg)')
    // The table placeholder is replaced by the table itself.
    expect(text).toContain('| North pier | 4.2 |')
    expect(text).not.toContain('[tbl-0.md](tbl-0.md)')
    expect(fs.readFileSync(path.join(out, 'images', 'img-0.jpeg')).subarray(1, 4).toString()).toBe('PNG')
  })

  it('packs Markdown, images and tables into a ZIP read back in chunks', async () => {
    const id = await ocr()
    const file = await h.ok('documents.export', { id, format: 'zip' })
    expect(file).toMatchObject({ fileName: 'report.zip', mime: 'application/zip' })
    const zip = unzipSync(new Uint8Array(await readAll(`export:${file.exportId}`)))
    expect(Object.keys(zip).sort()).toEqual(['images/img-0.jpeg', 'report.md', 'tables/page-4-table-1.csv'])
    expect(Buffer.from(zip['tables/page-4-table-1.csv']!).toString()).toBe('Station,High tide (m)\r\nNorth pier,4.2\r\nSouth jetty,3.9\r\n')
  })

  it('exports each table as CSV, from HTML tables too, and says when there are none', async () => {
    const id = await ocr({ tableFormat: 'html' })
    const csv = await h.ok('documents.export', { id, format: 'csv' })
    expect(csv.fileName).toBe('report-page-4-table-1.csv')
    expect((await readAll(`export:${csv.exportId}`)).toString()).toBe('Station,High tide (m)\r\nNorth pier,4.2\r\nSouth jetty,3.9\r\n')
    const md = await h.ok('documents.export', { id, format: 'markdown' })
    expect((await readAll(`export:${md.exportId}`)).toString()).toContain('<table><tr><th>Station</th>')
    const noTables = await ocr({ pages: '0' })
    const none = await h.call('documents.export', { id: noTables, format: 'csv' })
    expect(!none.ok && none.error.message).toMatch(/"report\.pdf" has no tables to export/)
  })
})

describe('reading stored bytes', () => {
  it('gives back the original and an extracted image, and refuses unknown refs', async () => {
    const id = await ocr()
    expect((await readAll(`original:${id}`)).equals(multiPagePdf())).toBe(true)
    const png = await readAll(`image:${id}:img-0.jpeg`)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect((await h.call('documents.read', { ref: `image:${id}:img-9.jpeg`, offset: 0 })).ok).toBe(false)
    expect((await h.call('documents.read', { ref: 'file:/etc/passwd', offset: 0 })).ok).toBe(false)
    expect((await h.call('documents.read', { ref: 'export:../../x', offset: 0 })).ok).toBe(false)
  })
})

describe('ask about this document', () => {
  it('builds a system prompt with page markers that chat.send accepts', async () => {
    const id = await ocr()
    const context = await h.ok('documents.askContext', { id })
    expect(context).toMatchObject({ pages: [1, 2, 3, 4], fits: true })
    expect(context.systemPrompt).toContain(`<page number="3">\n${'Observations'}`)
    expect(context.systemPrompt).toContain('(p. N)')
    const picked = await h.ok('documents.askContext', { id, pages: [3] })
    expect(picked.pages).toEqual([3])
    const started = await h.ok('chat.send', {
      model: 'mistral-small-latest',
      content: 'Who counted herons?',
      settings: { systemPrompt: picked.systemPrompt, params: {} },
    })
    await h.ctx.finished(started.requestId)
    const sent = h.chatBodies()[0]
    expect(sent?.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining(PAGE3_SENTENCE) })
  })
})

describe('extract fields', () => {
  it('sends the schema as document_annotation_format and checks the result against it', async () => {
    const schema = {
      type: 'object',
      properties: { vendor: { type: 'string' }, total: { type: 'number' } },
      required: ['vendor', 'total'],
      additionalProperties: false,
    }
    const id = await ocr({ annotationSchema: { name: 'invoice', schema } })
    const sent = h.sim.requests.find((r) => r.path === '/v1/ocr')?.body as Record<string, unknown>
    expect(sent.document_annotation_format).toEqual({ type: 'json_schema', json_schema: { name: 'invoice', schema } })
    const detail = await h.ok('documents.get', { id })
    expect(JSON.parse(detail.annotation!)).toEqual({ vendor: 'Quarterly field report', total: 1 })
    expect(detail.annotationValid).toBe(true)
  })
})
