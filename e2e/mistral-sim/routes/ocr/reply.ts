// The OCR reply: pages as markdown in reading order with image references, image
// objects with pixel boxes, blocks, header/footer, confidence scores and annotations.
// Deterministic in the request and the document's bytes.
import { createHash } from 'node:crypto'
import { annotate } from './annotation'
import { encodePng } from './png'
import type { PageImage, PageLine, PdfPage } from './pdf-pages'
import type { OcrRequest } from './rules'

/** The service renders PDF pages at 200 dpi; boxes and dimensions are in those pixels. */
export const PAGE_DPI = 200

type Element =
  | { kind: 'line'; line: PageLine }
  | { kind: 'image'; image: PageImage; id: string }
  | { kind: 'table'; rows: PageLine[]; id: string }

const isTableRow = (text: string) => /^\|.*\|$/.test(text)

/** Consecutive lines written as `| a | b |` form one table, as the service detects tables. */
function withTables(lines: PageLine[], firstTable: number, format: OcrRequest['tableFormat']): Element[] {
  const out: Element[] = []
  for (const line of lines) {
    const last = out.at(-1)
    if (isTableRow(line.text) && last?.kind === 'table') last.rows.push(line)
    else if (isTableRow(line.text)) {
      const n = firstTable + out.filter((e) => e.kind === 'table').length
      out.push({ kind: 'table', rows: [line], id: `tbl-${n}.${format === 'html' ? 'html' : 'md'}` })
    } else out.push({ kind: 'line', line })
  }
  return out
}

function cells(row: string): string[] {
  return row.slice(1, -1).split('|').map((c) => c.trim())
}

/** The table in the requested format; a markdown table gets its header separator row. */
function tableText(rows: PageLine[], format: 'markdown' | 'html'): string {
  const body = rows.map((r) => r.text).filter((t) => !/^\|[\s:|-]+\|$/.test(t))
  if (format === 'html') {
    const tr = (row: string, tag: 'th' | 'td') => `<tr>${cells(row).map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`
    return `<table>${body.map((row, i) => tr(row, i === 0 ? 'th' : 'td')).join('')}</table>`
  }
  const [head = '', ...rest] = body
  const separator = `|${cells(head).map(() => ' --- ').join('|')}|`
  return [head, separator, ...rest].join('\n')
}

const topOf = (el: Element) => (el.kind === 'line' ? el.line.y : el.kind === 'image' ? el.image.y : (el.rows[0]?.y ?? 0))

interface Score {
  text: string
  confidence: number
  start_index: number
}

/**
 * A stand-in for the model's certainty: high for words, lower for words with digits
 * (where real OCR hesitates most), so clients can test their low-confidence marking.
 */
export function wordConfidence(word: string): number {
  const h = createHash('sha256').update(word).digest()[0]!
  return /\d/.test(word) ? 0.55 + (h % 10) / 100 : 0.9 + (h % 10) / 100
}

function wordScores(markdown: string): Score[] {
  const scores: Score[] = []
  // Image references are not read text.
  const text = markdown.replace(/!\[[^\]]*\]\([^)]*\)/g, (m) => ' '.repeat(m.length))
  for (const m of text.matchAll(/\S+/g)) scores.push({ text: m[0], confidence: wordConfidence(m[0]), start_index: m.index })
  return scores
}

const round = (n: number) => Math.round(n * 1000) / 1000
const stats = (scores: Score[]) =>
  scores.length === 0
    ? { average_page_confidence_score: 1, minimum_page_confidence_score: 1 }
    : {
        average_page_confidence_score: round(scores.reduce((s, w) => s + w.confidence, 0) / scores.length),
        minimum_page_confidence_score: round(Math.min(...scores.map((w) => w.confidence))),
      }

export interface PageContext {
  request: OcrRequest
  /** The first image number on this page (ids run through the whole document: img-0, img-1, ...). */
  firstImage: number
  /** The first table number on this page (tbl-0, tbl-1, ... through the document). */
  firstTable: number
  /** Images the request still allows (image_limit). */
  imagesLeft: number
}

function box(b: { x: number; y: number; width: number; height: number }, scale: number) {
  return {
    top_left_x: Math.max(0, Math.round(b.x * scale)),
    top_left_y: Math.max(0, Math.round(b.y * scale)),
    bottom_right_x: Math.max(0, Math.round((b.x + b.width) * scale)),
    bottom_right_y: Math.max(0, Math.round((b.y + b.height) * scale)),
  }
}

/** One page of the reply, and how many images it used. */
export function pageReply(index: number, page: PdfPage, ctx: PageContext) {
  const { request } = ctx
  const scale = PAGE_DPI / 72
  const lines = [...page.lines]
  const header = request.extractHeader && lines.length > 1 ? (lines.shift()?.text ?? null) : null
  const footer = request.extractFooter && lines.length > 1 ? (lines.pop()?.text ?? null) : null
  const minSize = request.imageMinSize ?? 0
  const kept = page.images
    .filter((img) => Math.min(img.width, img.height) * scale >= minSize)
    .slice(0, Math.max(0, ctx.imagesLeft))
  const elements: Element[] = [
    ...withTables(lines, ctx.firstTable, request.tableFormat),
    ...kept.map((image, i) => ({ kind: 'image' as const, image, id: `img-${ctx.firstImage + i}.jpeg` })),
  ].sort((a, b) => topOf(a) - topOf(b))
  const tables: { id: string; content: string; format: 'markdown' | 'html' }[] = []

  const parts: string[] = []
  const blocks: Record<string, unknown>[] = []
  let offset = 0
  const spans: { start: number; end: number }[] = []
  for (const el of elements) {
    let text: string
    if (el.kind === 'line') text = el.line.text
    else if (el.kind === 'image') text = `![${el.id}](${el.id})`
    else if (request.tableFormat === null) text = tableText(el.rows, 'markdown')
    else {
      // With a table_format the table moves to `tables` and the markdown links to it.
      tables.push({ id: el.id, content: tableText(el.rows, request.tableFormat), format: request.tableFormat })
      text = `[${el.id}](${el.id})`
    }
    spans.push({ start: offset, end: offset + text.length })
    parts.push(text)
    offset += text.length + 2
    if (el.kind === 'line') blocks.push({ type: 'text', ...box(el.line, scale), content: text })
    else if (el.kind === 'image') blocks.push({ type: 'image', ...box(el.image, scale), content: '', image_id: el.id })
    else {
      const first = el.rows[0]!
      const last = el.rows.at(-1)!
      const area = { x: first.x, y: first.y, width: Math.max(...el.rows.map((r) => r.width)), height: last.y + last.height - first.y }
      blocks.push({ type: 'table', ...box(area, scale), content: tableText(el.rows, request.tableFormat ?? 'markdown') })
    }
  }
  const markdown = parts.join('\n\n')
  const pageText = lines.map((l) => l.text).join('\n')
  const images = elements.flatMap((el) => {
    if (el.kind !== 'image') return []
    const px = el.image.pixels
    return [
      {
        id: el.id,
        ...box(el.image, scale),
        // PNG rather than the service's JPEG: the pixels are the real ones, the container differs.
        image_base64: request.includeImageBase64 && px ? `data:image/png;base64,${encodePng(px.data, px.width, px.height, px.channels).toString('base64')}` : null,
        image_annotation: request.bboxFormat ? annotate(request.bboxFormat.schema, pageText) : null,
      },
    ]
  })

  const scores = request.confidence ? wordScores(markdown) : []
  if (request.confidence === 'block') {
    blocks.forEach((block, i) => {
      const span = spans[i]!
      const inside = scores.filter((s) => s.start_index >= span.start && s.start_index < span.end)
      block.confidence_scores = {
        average_content_confidence_score: inside.length ? stats(inside).average_page_confidence_score : null,
        minimum_content_confidence_score: inside.length ? stats(inside).minimum_page_confidence_score : null,
        block_type_confidence_score: 0.97,
      }
    })
  }
  const confidence_scores = request.confidence
    ? { ...(request.confidence === 'word' ? { word_confidence_scores: scores } : {}), ...stats(scores) }
    : null

  return {
    used: images.length,
    tablesUsed: elements.filter((e) => e.kind === 'table').length,
    page: {
      index,
      markdown,
      images,
      tables,
      hyperlinks: [],
      header,
      footer,
      dimensions: { dpi: PAGE_DPI, height: Math.round(page.height * scale), width: Math.round(page.width * scale) },
      confidence_scores,
      blocks: request.includeBlocks ? blocks : null,
    },
  }
}

/** A picture is one page whose text is fixed by its bytes: the simulator reads no pixels. */
export function imagePage(bytes: Buffer, size: { width: number; height: number } | undefined): PdfPage {
  const width = size?.width ?? 1000
  const height = size?.height ?? 1000
  const fingerprint = createHash('sha256').update(bytes).digest('hex').slice(0, 12)
  const text = `Scanned image ${fingerprint}, ${width} by ${height} pixels.`
  // In points at PAGE_DPI, so the reply's scaling gives back the image's own pixels.
  const pt = 72 / PAGE_DPI
  return { width: width * pt, height: height * pt, lines: [{ text, x: 0, y: 0, width: width * pt, height: Math.min(20, height) * pt }], images: [] }
}

export function documentAnnotation(request: OcrRequest, markdown: string): string | null {
  return request.documentFormat ? annotate(request.documentFormat.schema, markdown) : null
}
