/**
 * The checks a document passes before anything is sent or billed: a regular readable
 * file, not empty, at most 50 MB, a type Mistral OCR accepts told from its magic bytes
 * (not its name), and for PDFs a readable, unencrypted file of at most 1,000 pages,
 * counted here with pdfjs. Each refusal names the file and the limit.
 */
import fs from 'node:fs/promises'
import { AppErrorException, appError } from '../../../shared/errors'
import { DOCUMENT_KINDS, DOCUMENT_LIMITS, type DocumentKind } from '../../../shared/domain'

export interface CheckedDocument {
  kind: DocumentKind
  bytes: number
  pages: number
}

const starts = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((v, i) => b[at + i] === v)

/** The accepted type the first bytes announce, or null. */
export function kindFromMagic(head: Uint8Array): DocumentKind | null {
  if (starts(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (starts(head, [0x42, 0x4d])) return 'bmp'
  if (starts(head, [0x47, 0x49, 0x46, 0x38])) return 'gif'
  if (starts(head, [0x52, 0x49, 0x46, 0x46]) && starts(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  return null
}

const refuse = (message: string, code: 'invalid_input' | 'too_large' | 'not_found' = 'invalid_input'): never => {
  throw new AppErrorException(appError(code, message))
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`

/** Opens the PDF only as far as its page count; refuses encrypted and broken files. */
async function countPdfPages(path: string, name: string): Promise<number> {
  // Loaded on the first PDF, not at start-up: pdf.js is a large module to parse.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const data = await fs.readFile(path)
  // pdfjs takes the buffer over; handing it the file's own bytes avoids a second copy.
  const task = getDocument({ data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), isEvalSupported: false, verbosity: 0 })
  try {
    const doc = await task.promise
    return doc.numPages
  } catch (err) {
    if ((err as Error).name === 'PasswordException') {
      return refuse(`"${name}" is password-protected. Remove the password (print it to a new PDF) and add it again.`)
    }
    return refuse(`"${name}" is not a readable PDF: it is damaged or only looks like one.`)
  } finally {
    await task.destroy()
  }
}

/** Runs every check on the file at `path`; `name` is how the user knows it. */
export async function checkDocument(path: string, name: string): Promise<CheckedDocument> {
  let stat
  try {
    stat = await fs.stat(path)
  } catch {
    return refuse(`"${name}" could not be found. It may have been moved or deleted.`, 'not_found')
  }
  if (!stat.isFile()) refuse(`"${name}" is not a file.`)
  if (stat.size === 0) refuse(`"${name}" is empty (0 bytes).`)
  if (stat.size > DOCUMENT_LIMITS.maxBytes) {
    refuse(`"${name}" is ${mb(stat.size)}; Mistral OCR takes at most ${mb(DOCUMENT_LIMITS.maxBytes)} per document.`, 'too_large')
  }
  const head = Buffer.alloc(16)
  try {
    const handle = await fs.open(path, 'r')
    try {
      await handle.read(head, 0, head.length, 0)
    } finally {
      await handle.close()
    }
  } catch {
    refuse(`"${name}" could not be read. Check that you may open it.`)
  }
  const kind = kindFromMagic(head)
  if (!kind) {
    const accepted = Object.values(DOCUMENT_KINDS).join(', ')
    return refuse(`"${name}" is not a document Mistral OCR accepts (${accepted}); its contents say otherwise, whatever its name.`)
  }
  const pages = kind === 'pdf' ? await countPdfPages(path, name) : 1
  if (pages > DOCUMENT_LIMITS.maxPages) {
    refuse(`"${name}" has ${pages} pages; Mistral OCR takes at most ${DOCUMENT_LIMITS.maxPages} pages per document. Split it first.`, 'too_large')
  }
  return { kind, bytes: stat.size, pages }
}

/** How many pages a page selection ('0-4,7') covers within `count`; refuses pages beyond the end. */
export function selectedPageCount(selection: string | null, count: number, name: string): number {
  if (selection === null) return count
  const pages = new Set<number>()
  for (const part of selection.split(',')) {
    const [from, to = from] = part.trim().split('-').map(Number)
    if (from === undefined || to === undefined || to < from) refuse(`Page range "${part.trim()}" is not valid.`)
    for (let p = from!; p <= to!; p++) pages.add(p)
  }
  const last = Math.max(...pages)
  if (last >= count) refuse(`"${name}" has ${count} pages (numbered from 0), so page ${last} does not exist.`)
  return pages.size
}
