// What the simulator "sees" on a PDF page: its real text layer (pdfjs), line by
// line with positions, and the images drawn on it with their boxes. The reply
// turns these into markdown, blocks and image objects, so tests can assert on content.
import { getDocument, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** A rectangle in PDF points, origin at the top-left (as the API's boxes are). */
export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface PageLine extends Box {
  text: string
}

export interface PageImage extends Box {
  /** The decoded pixels when pdfjs kept them (RGB or RGBA), for image_base64. */
  pixels?: { width: number; height: number; data: Uint8Array; channels: 3 | 4 }
}

export interface PdfPage {
  width: number
  height: number
  lines: PageLine[]
  images: PageImage[]
}

export type PdfOpen = { ok: true; doc: PDFDocumentProxy } | { ok: false; reason: 'encrypted' | 'corrupt' }

export async function openPdf(bytes: Uint8Array): Promise<PdfOpen> {
  try {
    // pdfjs takes ownership of (and detaches) the buffer it is given, hence the copy.
    const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise
    return { ok: true, doc }
  } catch (err) {
    return { ok: false, reason: (err as Error).name === 'PasswordException' ? 'encrypted' : 'corrupt' }
  }
}

interface TextItemLike {
  str: string
  transform: number[]
  width: number
  height: number
  hasEOL: boolean
}

async function pageLines(page: PDFPageProxy, height: number): Promise<PageLine[]> {
  const content = await page.getTextContent()
  const lines: PageLine[] = []
  let current: PageLine | undefined
  for (const raw of content.items) {
    if (!('str' in raw)) continue
    const item = raw as TextItemLike
    const [, , , , x = 0, baseline = 0] = item.transform
    const top = height - baseline - item.height
    const sameLine = current && Math.abs(current.y - top) < item.height / 2
    if (current && sameLine) {
      current.text += item.str
      current.width = Math.max(current.width, x + item.width - current.x)
    } else if (item.str.trim() !== '') {
      current = { text: item.str, x, y: top, width: item.width, height: item.height }
      lines.push(current)
    }
    if (item.hasEOL) current = undefined
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text !== '')
}

type Matrix = [number, number, number, number, number, number]
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
]

interface DecodedImage {
  width: number
  height: number
  data?: Uint8Array
  kind?: number
}

/** Waits for pdfjs to hand over the decoded image (it resolves objects asynchronously). */
async function pixelsOf(page: PDFPageProxy, name: unknown): Promise<PageImage['pixels']> {
  if (typeof name !== 'string') return undefined
  try {
    const img = await Promise.race([
      new Promise<DecodedImage | null>((resolve) => page.objs.get(name, resolve as (data: unknown) => void)),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000)),
    ])
    if (!img?.data) return undefined
    // pdfjs ImageKind: 2 = RGB_24BPP, 3 = RGBA_32BPP.
    if (img.kind === 2) return { width: img.width, height: img.height, data: img.data, channels: 3 }
    if (img.kind === 3) return { width: img.width, height: img.height, data: img.data, channels: 4 }
  } catch {
    // Not resolved yet or not decodable: the image is reported without its base64.
  }
  return undefined
}

/** Follows the graphics state (save/restore/transform) to place each painted image on the page. */
async function pageImages(page: PDFPageProxy, height: number): Promise<PageImage[]> {
  const ops = await page.getOperatorList()
  const stack: Matrix[] = []
  let ctm: Matrix = [1, 0, 0, 1, 0, 0]
  const images: PageImage[] = []
  const painted: { box: Box; name: unknown }[] = []
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[]
    if (fn === OPS.save) stack.push(ctm)
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0]
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix)
    else if (fn === OPS.paintImageXObject) {
      // The unit square mapped through the CTM; axis-aligned images only, as in our fixtures.
      const x0 = Math.min(ctm[4], ctm[4] + ctm[0])
      const x1 = Math.max(ctm[4], ctm[4] + ctm[0])
      const y0 = Math.min(ctm[5], ctm[5] + ctm[3])
      const y1 = Math.max(ctm[5], ctm[5] + ctm[3])
      painted.push({ box: { x: x0, y: height - y1, width: x1 - x0, height: y1 - y0 }, name: args[0] })
    }
  })
  for (const { box, name } of painted) images.push({ ...box, pixels: await pixelsOf(page, name) })
  return images
}

export async function readPage(doc: PDFDocumentProxy, index: number): Promise<PdfPage> {
  const page = await doc.getPage(index + 1)
  const [, , width = 612, height = 792] = page.view
  const [lines, images] = await Promise.all([pageLines(page, height), pageImages(page, height)])
  page.cleanup()
  return { width, height, lines, images }
}
