// Where the bytes of an OCR document come from: an uploaded file (file_id), a base64
// data URL, a signed URL of an uploaded file, or any other URL (downloaded, as the
// service does). Then the service's limits: 50 MB and the accepted types.
import { apiError } from '../../http'
import type { Rejection } from '../../request-rules'
import type { SimFiles } from '../files/sim-files'
import { fileIdIssue } from '../files/rules'
import { sniffKind, type DocumentKind } from './document-kind'
import { badRequest, type DocumentRef } from './rules'

/** The service's documented limits per document. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
export const MAX_DOCUMENT_PAGES = 1000

export type Source = { ok: true; bytes: Buffer; kind: DocumentKind } | Rejection

function fromDataUrl(url: string): Buffer | undefined {
  const m = /^data:[^;,]*(;[^,]*)?,(.*)$/s.exec(url)
  if (!m) return undefined
  return (m[1] ?? '').includes(';base64') ? Buffer.from(m[2] ?? '', 'base64') : Buffer.from(decodeURIComponent(m[2] ?? ''), 'latin1')
}

async function fromUrl(url: string, files: SimFiles): Promise<Buffer | undefined> {
  if (url.startsWith('data:')) return fromDataUrl(url)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.pathname.startsWith('/__sim/signed/')) return files.resolveSigned(parsed)?.bytes
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined
  try {
    const res = await fetch(parsed, { signal: AbortSignal.timeout(10_000) })
    return res.ok ? Buffer.from(await res.arrayBuffer()) : undefined
  } catch {
    return undefined
  }
}

export async function documentBytes(doc: DocumentRef, files: SimFiles): Promise<Source> {
  let bytes: Buffer | undefined
  if (doc.type === 'file') {
    const badId = fileIdIssue(doc.fileId)
    if (badId) return badId
    const file = files.get(doc.fileId)
    if (!file) return { ok: false, status: 404, body: apiError(`File ${doc.fileId} not found`, 'not_found', null) }
    bytes = file.bytes
  } else {
    bytes = await fromUrl(doc.url, files)
    if (!bytes) return badRequest(`Failed to download the document from ${doc.type === 'image_url' ? 'image_url' : 'document_url'}`, 'document')
  }
  if (bytes.length === 0) return badRequest('The document is empty', 'document')
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    return badRequest(`The document is ${bytes.length} bytes; the maximum is ${MAX_DOCUMENT_BYTES} bytes (50 MB)`, 'document')
  }
  const kind = sniffKind(bytes)
  if (!kind) return badRequest('Unsupported document type: expected PDF, PNG, JPEG, TIFF, BMP, GIF or WEBP', 'document')
  return { ok: true, bytes, kind }
}
