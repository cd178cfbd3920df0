/**
 * The documents module end to end against the simulator: checks refuse bad input with
 * nothing sent, small files go inline and large ones through /v1/files (deleted after),
 * the cache bills once, usage is recorded, page text is searchable, and retry, cancel,
 * confirm and delete behave. Fixtures are generated in a temp dir.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { manyPagesPdf, PAGE3_SENTENCE, writeFixtures, type FixtureName } from '../../../../e2e/fixtures/documents/documents'
import type { EventName, EventPayload } from '../../../shared/contract'
import type { QueueItem } from '../../../shared/domain'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { openAppDatabase } from '../schema'
import { CoreHarness } from '../testing/core-harness'
import { RecordingContext } from '../testing/doubles'
import { makeTempDir } from '../testing/temp-dir'

/** Records the queue's events instead of chat's. */
class QueueEvents extends RecordingContext {
  readonly items: QueueItem[] = []
  override emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (event === 'documents.queueChanged') this.items.push(payload as QueueItem)
    else super.emit(event, payload)
  }
}

let h: CoreHarness
let ctx: QueueEvents
let fixtures: Record<FixtureName, string>
let fixtureDir: { dir: string; cleanup: () => void }

beforeAll(() => {
  fixtureDir = makeTempDir()
  fixtures = writeFixtures(fixtureDir.dir)
})
afterAll(() => fixtureDir.cleanup())
beforeEach(async () => {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
  h.sim.reset()
  ctx = new QueueEvents()
})
afterEach(() => h.stop())

const WORKING = ['checking', 'uploading', 'processing']

async function settled(itemId: string): Promise<QueueItem> {
  for (;;) {
    const item = (await h.ok('documents.queue', {})).find((i) => i.id === itemId)
    if (!item) throw new Error(`no queue item ${itemId}`)
    if (!WORKING.includes(item.stage)) return item
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function add(file: string, options = {}): Promise<QueueItem> {
  const item = await h.ok('documents.addPath', { path: file, options }, ctx)
  return settled(item.id)
}

const apiCalls = () => h.sim.requests.filter((r) => r.path.startsWith('/v1/files') || r.path === '/v1/ocr')

function ocrLedgerRows() {
  const db = openAppDatabase(h.dataDir)
  try {
    return new UsageLedger(db).since(0).filter((e) => e.kind === 'ocr')
  } finally {
    db.close()
  }
}

describe('checks before anything is sent', () => {
  const cases: [FixtureName, RegExp][] = [
    ['renamed-binary.pdf', /"renamed-binary\.pdf" is not a document Mistral OCR accepts \(PDF, PNG, JPEG, TIFF, BMP, GIF, WEBP\)/],
    ['empty.pdf', /"empty\.pdf" is empty \(0 bytes\)/],
    ['corrupt.pdf', /"corrupt\.pdf" is not a readable PDF/],
    ['encrypted.pdf', /"encrypted\.pdf" is password-protected/],
    ['too-big.pdf', /"too-big\.pdf" is 51\.0 MB; Mistral OCR takes at most 50\.0 MB/],
    ['thousand-and-one-pages.pdf', /"thousand-and-one-pages\.pdf" has 1001 pages; Mistral OCR takes at most 1000 pages/],
  ]
  for (const [name, message] of cases) {
    it(`refuses ${name} with a message naming it and the limit`, async () => {
      const item = await add(fixtures[name])
      expect(item.stage).toBe('failed')
      expect(item.error).toMatch(message)
      expect(apiCalls()).toEqual([])
      expect(ocrLedgerRows()).toEqual([])
    })
  }

  it('refuses a missing file, a folder and a relative path', async () => {
    expect((await add(path.join(fixtureDir.dir, 'gone.pdf'))).error).toMatch(/"gone\.pdf" could not be found/)
    expect((await add(fixtureDir.dir)).error).toMatch(/is not a file/)
    const relative = await h.call('documents.addPath', { path: 'report.pdf' }, ctx)
    expect(relative.ok).toBe(false)
    expect(apiCalls()).toEqual([])
  })

  it('refuses a page range beyond the document before sending', async () => {
    const item = await add(fixtures['report.pdf'], { pages: '2-9' })
    expect(item.error).toMatch(/has 4 pages \(numbered from 0\), so page 9 does not exist/)
    expect(apiCalls()).toEqual([])
  })
})

describe('a small PDF, inline', () => {
  it('is sent as a data URL, stored page by page with images in the file store, and billed once', async () => {
    const item = await add(fixtures['report.pdf'])
    expect(item).toMatchObject({ stage: 'done', kind: 'pdf', pages: 4, cached: false, estimateMicroUsd: 16_000 })
    expect(ctx.items.map((i) => i.stage)).toEqual(expect.arrayContaining(['checking', 'processing', 'done']))
    const calls = apiCalls()
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v1/ocr'])
    const body = calls[0]?.body as { document: { type: string; document_url: string }; model: string }
    expect(body.document.type).toBe('document_url')
    expect(body.document.document_url).toMatch(/^data:application\/pdf;base64,/)

    const id = item.documentId!
    const detail = await h.ok('documents.get', { id })
    expect(detail).toMatchObject({ name: 'report.pdf', pageCount: 4, pagesProcessed: 4, pageIndexes: [0, 1, 2, 3] })
    expect((await h.ok('documents.page', { id, index: 2 })).markdown).toContain(PAGE3_SENTENCE)
    const page2 = await h.ok('documents.page', { id, index: 1 })
    expect(page2.images).toHaveLength(1)
    expect(page2.images[0]).toMatchObject({ imageId: 'img-0.jpeg', topLeftX: 200, mime: 'image/png' })
    const sha = page2.images[0]!.sha256!
    expect(fs.existsSync(path.join(h.dataDir, 'files', sha.slice(0, 2), sha))).toBe(true)
    expect(page2.blocks.length).toBeGreaterThan(0)

    const rows = ocrLedgerRows()
    expect(rows).toHaveLength(1)
    expect(rows[0]?.model).toBe('mistral-ocr-latest')
  })

  it('opens the stored result for the same bytes and options without a second call or bill', async () => {
    const first = await add(fixtures['report.pdf'])
    const copy = path.join(fixtureDir.dir, 'report-copy.pdf')
    fs.copyFileSync(fixtures['report.pdf'], copy)
    const again = await add(copy)
    expect(again).toMatchObject({ stage: 'done', cached: true, documentId: first.documentId })
    expect(apiCalls()).toHaveLength(1)
    expect(ocrLedgerRows()).toHaveLength(1)
    // Other options are another result.
    const other = await add(fixtures['report.pdf'], { confidence: 'word' })
    expect(other.cached).toBe(false)
    expect(apiCalls()).toHaveLength(2)
    const words = (await h.ok('documents.page', { id: other.documentId!, index: 0 })).words
    expect(words.length).toBeGreaterThan(0)
  })

  it('sends an image inline as image_url', async () => {
    const item = await add(fixtures['scan.png'])
    expect(item).toMatchObject({ stage: 'done', kind: 'png', pages: 1 })
    const body = apiCalls()[0]?.body as { document: { type: string; image_url: string } }
    expect(body.document.type).toBe('image_url')
    expect(body.document.image_url).toMatch(/^data:image\/png;base64,/)
  })
})

describe('a large PDF, through /v1/files', () => {
  let large: string
  beforeAll(() => {
    large = path.join(fixtureDir.dir, 'large.pdf')
    fs.writeFileSync(large, manyPagesPdf(5, 5 * 1024 * 1024))
  })

  it('uploads it, sends the file_id, and deletes the upload afterwards', async () => {
    const item = await add(large)
    expect(item.stage).toBe('done')
    expect(apiCalls().map((c) => c.method + ' ' + c.path.replace(/[0-9a-f-]{36}/, ':id'))).toEqual([
      'POST /v1/files',
      'POST /v1/ocr',
      'DELETE /v1/files/:id',
    ])
    const ocr = apiCalls()[1]?.body as { document: { type: string; file_id: string } }
    expect(ocr.document.type).toBe('file')
    expect(stagesOf(item.id)).toContain('uploading')
  })

  it('retries a failed OCR with the same upload, without uploading again', async () => {
    h.sim.injectFault({ kind: 'status', status: 500, path: '/v1/ocr' })
    const failed = await add(large)
    expect(failed).toMatchObject({ stage: 'failed', retryable: true })
    expect(failed.error).toBeTruthy()
    await h.ok('documents.retry', { itemId: failed.id }, ctx)
    const done = await settled(failed.id)
    expect(done.stage).toBe('done')
    const paths = apiCalls().map((c) => c.method + ' ' + c.path.replace(/[0-9a-f-]{36}/, ':id'))
    expect(paths).toEqual(['POST /v1/files', 'POST /v1/ocr', 'POST /v1/ocr', 'DELETE /v1/files/:id'])
    expect(ocrLedgerRows()).toHaveLength(1)
  })
})

function stagesOf(itemId: string): string[] {
  return ctx.items.filter((i) => i.id === itemId).map((i) => i.stage)
}

describe('confirm, cancel, search and delete', () => {
  it('asks before sending above the threshold, and sends once confirmed', async () => {
    expect(await h.ok('documents.confirmThreshold', {})).toEqual({ usd: 1 })
    await h.ok('documents.confirmThreshold', { usd: 0.01 })
    const waiting = await add(fixtures['report.pdf'])
    expect(waiting.stage).toBe('confirm')
    expect(apiCalls()).toEqual([])
    await h.ok('documents.confirm', { itemId: waiting.id }, ctx)
    expect((await settled(waiting.id)).stage).toBe('done')
  })

  it('cancels while waiting for confirmation and while processing; nothing is stored or billed', async () => {
    await h.ok('documents.confirmThreshold', { usd: 0 })
    const waiting = await add(fixtures['report.pdf'])
    expect((await h.ok('documents.cancel', { itemId: waiting.id })).stage).toBe('cancelled')
    expect(apiCalls()).toEqual([])

    await h.ok('documents.confirmThreshold', { usd: 100 })
    h.sim.injectFault({ kind: 'slow-first-token', delayMs: 5000 })
    const item = await h.ok('documents.addPath', { path: fixtures['scan.png'] }, ctx)
    while (!stagesOf(item.id).includes('processing')) await new Promise((r) => setTimeout(r, 10))
    expect((await h.ok('documents.cancel', { itemId: item.id })).stage).toBe('cancelled')
    await new Promise((r) => setTimeout(r, 100))
    expect((await settled(item.id)).stage).toBe('cancelled')
    expect(await h.ok('documents.list', {})).toEqual([])
    expect(ocrLedgerRows()).toEqual([])
  })

  it('finds page text and says on which page', async () => {
    const item = await add(fixtures['report.pdf'])
    const hits = await h.ok('documents.search', { query: 'lighthouse herons' })
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ documentId: item.documentId, name: 'report.pdf', pageIndex: 2 })
    expect(hits[0]?.snippet).toContain('\uE000')
    expect(await h.ok('documents.search', { query: '"(' })).toEqual([])
  })

  it('deletes a document with its pages, search entries and files', async () => {
    const item = await add(fixtures['report.pdf'])
    const id = item.documentId!
    const sha = (await h.ok('documents.page', { id, index: 1 })).images[0]!.sha256!
    expect(await h.ok('documents.delete', { id })).toEqual({ deleted: true })
    expect(await h.ok('documents.list', {})).toEqual([])
    expect(await h.ok('documents.search', { query: 'lighthouse' })).toEqual([])
    expect(fs.existsSync(path.join(h.dataDir, 'files', sha.slice(0, 2), sha))).toBe(false)
    expect((await h.call('documents.get', { id })).ok).toBe(false)
  })
})

describe('chunked uploads (browser host)', () => {
  it('assembles the chunks in order into a queue item', async () => {
    const bytes = fs.readFileSync(fixtures['report.pdf'])
    const { uploadId } = await h.ok('documents.uploadStart', { fileName: 'dropped.pdf', bytes: bytes.length })
    const half = Math.floor(bytes.length / 2)
    await h.ok('documents.uploadChunk', { uploadId, offset: 0, data: bytes.subarray(0, half).toString('base64') })
    const late = await h.call('documents.uploadChunk', { uploadId, offset: 0, data: 'AAAA' })
    expect(late.ok).toBe(false)
    const { uploadId: second } = await h.ok('documents.uploadStart', { fileName: 'dropped.pdf', bytes: bytes.length })
    await h.ok('documents.uploadChunk', { uploadId: second, offset: 0, data: bytes.subarray(0, half).toString('base64') })
    await h.ok('documents.uploadChunk', { uploadId: second, offset: half, data: bytes.subarray(half).toString('base64') })
    const item = await h.ok('documents.uploadEnd', { uploadId: second }, ctx)
    const done = await settled(item.id)
    expect(done).toMatchObject({ stage: 'done', fileName: 'dropped.pdf', pages: 4 })
    expect(fs.readdirSync(path.join(h.dataDir, 'uploads-in-progress'))).toHaveLength(1) // the abandoned first one until shutdown
  })

  it('refuses an incomplete upload', async () => {
    const { uploadId } = await h.ok('documents.uploadStart', { fileName: 'cut.pdf', bytes: 100 })
    await h.ok('documents.uploadChunk', { uploadId, offset: 0, data: Buffer.alloc(10).toString('base64') })
    const end = await h.call('documents.uploadEnd', { uploadId })
    expect(end.ok).toBe(false)
    if (!end.ok) expect(end.error.message).toMatch(/"cut\.pdf" arrived incomplete \(10 of 100 bytes\)/)
  })
})
