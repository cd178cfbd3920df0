// Conformance of POST /v1/ocr: the SDK's ocr.process and the spec accept every
// reply; a PDF's real text comes back per page with image boxes, dimensions,
// blocks, confidence and annotations; limits and bad input get the service's errors.
import Ajv2020 from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import {
  corruptPdf,
  encryptedPdf,
  manyPagesPdf,
  multiPagePdf,
  PAGE3_SENTENCE,
  renamedBinary,
  scanPng,
} from '../../../fixtures/documents/documents'
import { spec, useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()
const MODEL = 'mistral-ocr-latest'
const dataUrl = (bytes: Buffer, type = 'application/pdf') => `data:${type};base64,${bytes.toString('base64')}`
const pdfDoc = (bytes = multiPagePdf()) => ({ type: 'document_url' as const, document_url: dataUrl(bytes) })

async function raw(body: Record<string, unknown>) {
  const res = await t.api('/v1/ocr', { body })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { pages: Record<string, unknown>[] } }
}

async function ok(body: Record<string, unknown>) {
  const r = await raw(body)
  expect(r.status).toBe(200)
  expect(spec.response('POST', '/v1/ocr', 200, 'application/json', r.body)).toEqual([])
  return r.body
}

describe('POST /v1/ocr with a PDF', () => {
  it('returns the text layer of each page, image boxes and usage, through the SDK', async () => {
    const res = await t.sdk.ocr.process({ model: MODEL, document: { type: 'document_url', documentUrl: dataUrl(multiPagePdf()) } })
    expect(res.pages.map((p) => p.index)).toEqual([0, 1, 2, 3])
    expect(res.pages[2]?.markdown).toContain(PAGE3_SENTENCE)
    expect(res.pages[0]?.markdown).toBe('Quarterly field report\n\nPrepared for the coastal survey.')
    expect(res.pages[1]?.markdown).toContain('![img-0.jpeg](img-0.jpeg)')
    const image = res.pages[1]?.images[0]
    // Drawn from (72, 300) pt, 288 × 144 pt, on a 792 pt page: its top is 348 pt from the top; boxes are 200-dpi pixels.
    expect(image).toMatchObject({ id: 'img-0.jpeg', topLeftX: 200, topLeftY: 967, bottomRightX: 1000, bottomRightY: 1367 })
    expect(res.pages[0]?.dimensions).toEqual({ dpi: 200, width: 1700, height: 2200 })
    expect(res.usageInfo).toEqual({ pagesProcessed: 4, docSizeBytes: multiPagePdf().length })
    expect(res.model).toBe('mistral-ocr-4-1')
  })

  it('passes the spec, with blocks by default and without them when asked', async () => {
    const body = await ok({ model: MODEL, document: pdfDoc() })
    const blocks = body.pages[1]?.blocks as { type: string; image_id?: string }[]
    expect(blocks.map((b) => b.type)).toEqual(['text', 'text', 'image'])
    expect(blocks[2]?.image_id).toBe('img-0.jpeg')
    const without = await ok({ model: MODEL, document: pdfDoc(), include_blocks: false })
    expect(without.pages[0]?.blocks).toBeNull()
  })

  it('selects pages, extracts header and footer, and counts only the pages processed', async () => {
    const body = await ok({ model: MODEL, document: pdfDoc(), pages: '1-2', extract_header: true })
    expect(body.pages.map((p) => p.index)).toEqual([1, 2])
    expect(body.pages[1]).toMatchObject({ header: 'Observations', footer: null, markdown: PAGE3_SENTENCE })
    const footer = await ok({ model: MODEL, document: pdfDoc(), pages: '2', extract_footer: true })
    expect(footer.pages[0]).toMatchObject({ header: null, footer: PAGE3_SENTENCE, markdown: 'Observations' })
    expect(body.usage_info).toMatchObject({ pages_processed: 2 })
    expect((await ok({ model: MODEL, document: pdfDoc(), pages: [3] })).pages.map((p) => p.index)).toEqual([3])
    expect((await raw({ model: MODEL, document: pdfDoc(), pages: [9] })).status).toBe(400)
  })

  it('returns the embedded image as base64 PNG of its real pixels, and honours image limits', async () => {
    const body = await ok({ model: MODEL, document: pdfDoc(), include_image_base64: true })
    const img = (body.pages[1]?.images as { image_base64: string }[])[0]
    expect(img?.image_base64).toMatch(/^data:image\/png;base64,/)
    const png = Buffer.from(img!.image_base64.split(',')[1]!, 'base64')
    expect(png.readUInt32BE(16)).toBe(32) // the fixture image is 32 × 16 pixels
    expect(png.readUInt32BE(20)).toBe(16)
    const limited = await ok({ model: MODEL, document: pdfDoc(), image_limit: 0 })
    expect(limited.pages[1]?.images).toEqual([])
    expect(limited.pages[1]?.markdown).not.toContain('![')
  })

  it('returns tables inline without table_format, and in `tables` with a placeholder with one', async () => {
    const inline = await ok({ model: MODEL, document: pdfDoc(), pages: [3] })
    expect(inline.pages[0]?.markdown).toContain('| Station | High tide (m) |\n| --- | --- |\n| North pier | 4.2 |\n| South jetty | 3.9 |')
    expect(inline.pages[0]?.tables).toEqual([])
    const md = await ok({ model: MODEL, document: pdfDoc(), pages: [3], table_format: 'markdown' })
    expect(md.pages[0]?.markdown).toContain('[tbl-0.md](tbl-0.md)')
    expect(md.pages[0]?.tables).toEqual([{ id: 'tbl-0.md', format: 'markdown', content: expect.stringContaining('| North pier | 4.2 |') }])
    const html = await ok({ model: MODEL, document: pdfDoc(), pages: [3], table_format: 'html' })
    const table = (html.pages[0]?.tables as { id: string; content: string }[])[0]
    expect(table?.id).toBe('tbl-0.html')
    expect(table?.content).toBe('<table><tr><th>Station</th><th>High tide (m)</th></tr><tr><td>North pier</td><td>4.2</td></tr><tr><td>South jetty</td><td>3.9</td></tr></table>')
    expect((html.pages[0]?.blocks as { type: string }[]).map((b) => b.type)).toContain('table')
  })

  it('gives confidence scores at each granularity only when asked', async () => {
    expect((await ok({ model: MODEL, document: pdfDoc() })).pages[0]?.confidence_scores).toBeNull()
    const word = await ok({ model: MODEL, document: pdfDoc(), confidence_scores_granularity: 'word' })
    const scores = word.pages[1]?.confidence_scores as { word_confidence_scores: { text: string; confidence: number; start_index: number }[] }
    const markdown = word.pages[1]?.markdown as string
    for (const s of scores.word_confidence_scores) expect(markdown.slice(s.start_index, s.start_index + s.text.length)).toBe(s.text)
    // Words with digits are the uncertain ones.
    expect(scores.word_confidence_scores.find((s) => s.text === '1')?.confidence).toBeLessThan(0.7)
    const page = await ok({ model: MODEL, document: pdfDoc(), confidence_scores_granularity: 'page' })
    expect(page.pages[0]?.confidence_scores).not.toHaveProperty('word_confidence_scores')
    const block = await ok({ model: MODEL, document: pdfDoc(), confidence_scores_granularity: 'block' })
    const b = (block.pages[0]?.blocks as { confidence_scores: Record<string, number> }[])[0]
    expect(b?.confidence_scores.average_content_confidence_score).toBeGreaterThan(0.8)
  })

  it('fills document and bbox annotations that satisfy the given schemas', async () => {
    const invoice = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        total: { type: 'number', minimum: 0 },
        lines: { type: 'array', items: { type: 'object', properties: { item: { type: 'string' }, qty: { type: 'integer' } }, required: ['item', 'qty'] } },
        currency: { enum: ['EUR', 'USD'] },
      },
      required: ['title', 'total', 'lines', 'currency'],
      additionalProperties: false,
    }
    const figure = { type: 'object', properties: { caption: { type: 'string', maxLength: 20 } }, required: ['caption'] }
    const res = await t.sdk.ocr.process({
      model: MODEL,
      document: { type: 'document_url', documentUrl: dataUrl(multiPagePdf()) },
      documentAnnotationFormat: { type: 'json_schema', jsonSchema: { name: 'invoice', schemaDefinition: invoice } },
      bboxAnnotationFormat: { type: 'json_schema', jsonSchema: { name: 'figure', schemaDefinition: figure } },
    })
    const ajv = new Ajv2020({ strict: false })
    const doc = JSON.parse(res.documentAnnotation ?? 'null')
    expect(ajv.validate(invoice, doc)).toBe(true)
    expect(doc.title).toBe('Quarterly field report')
    const imageAnnotation = JSON.parse(res.pages[1]?.images[0]?.imageAnnotation ?? 'null')
    expect(ajv.validate(figure, imageAnnotation)).toBe(true)
    const textFormat = await raw({ model: MODEL, document: pdfDoc(), document_annotation_format: { type: 'text' } })
    expect(textFormat.status).toBe(400)
  })
})

describe('POST /v1/ocr with other sources', () => {
  it('reads an image: one page with its pixel size and a text fixed by its bytes', async () => {
    const body = await ok({ model: MODEL, document: { type: 'image_url', image_url: dataUrl(scanPng(), 'image/png') } })
    expect(body.pages).toHaveLength(1)
    expect(body.pages[0]?.dimensions).toEqual({ dpi: 200, width: 64, height: 48 })
    expect(body.pages[0]?.markdown).toMatch(/^Scanned image [0-9a-f]{12}, 64 by 48 pixels\.$/)
    const again = await ok({ model: MODEL, document: { type: 'image_url', image_url: { url: dataUrl(scanPng(), 'image/png') } } })
    expect(again.pages[0]?.markdown).toBe(body.pages[0]?.markdown)
  })

  it('reads an uploaded file by file_id and by its signed URL', async () => {
    const file = await t.sdk.files.upload({ file: new File([new Uint8Array(multiPagePdf())], 'report.pdf'), purpose: 'ocr' })
    const byId = await t.sdk.ocr.process({ model: MODEL, document: { type: 'file', fileId: file.id } })
    expect(byId.pages[2]?.markdown).toContain(PAGE3_SENTENCE)
    const { url } = await t.sdk.files.getSignedUrl({ fileId: file.id })
    const byUrl = await ok({ model: MODEL, document: { type: 'document_url', document_url: url } })
    expect(byUrl.pages[2]?.markdown).toContain(PAGE3_SENTENCE)
    await t.sdk.files.delete({ fileId: file.id })
    expect((await raw({ model: MODEL, document: { type: 'file', file_id: file.id } })).status).toBe(404)
  })
})

describe('POST /v1/ocr limits and errors', () => {
  const message = (body: Record<string, unknown>) => String(body.message)

  it('refuses encrypted, corrupt, unsupported, empty and too-long documents with a 400', async () => {
    const cases: [Buffer, RegExp][] = [
      [encryptedPdf(), /password-protected/],
      [corruptPdf(), /corrupt/],
      [renamedBinary(), /Unsupported document type/],
      [Buffer.alloc(0), /empty/],
      [manyPagesPdf(1001), /1001 pages; the maximum is 1000/],
    ]
    for (const [bytes, why] of cases) {
      const r = await raw({ model: MODEL, document: pdfDoc(bytes) })
      expect(r.status).toBe(400)
      expect(r.body).toMatchObject({ object: 'error', type: 'invalid_request_error' })
      expect(message(r.body)).toMatch(why)
    }
  })

  it('refuses documents over 50 MB', async () => {
    const file = await t.sdk.files.upload({ file: new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'big.pdf'), purpose: 'ocr' })
    const r = await raw({ model: MODEL, document: { type: 'file', file_id: file.id } })
    expect(r.status).toBe(400)
    expect(message(r.body)).toMatch(/maximum is 52428800 bytes/)
  })

  it('answers schema problems with one 422 and unknown models with a 400', async () => {
    const r = await raw({ model: MODEL, document: { type: 'document_url', document_url: 'x', extra: 1 }, table_format: 'csv', include_blocks: 'yes' })
    expect(r.status).toBe(422)
    const types = ((r.body.message as { detail: { type: string }[] }).detail ?? []).map((d) => d.type)
    expect(types).toEqual(expect.arrayContaining(['extra_forbidden', 'enum', 'bool_type']))
    expect((await raw({ document: pdfDoc() })).status).toBe(422)
    const chat = await raw({ model: 'mistral-small-latest', document: pdfDoc() })
    expect(chat.status).toBe(400)
    expect(chat.body).toMatchObject({ type: 'invalid_model' })
  })
})
