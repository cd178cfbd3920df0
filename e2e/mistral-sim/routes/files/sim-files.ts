// The files uploaded to one simulator (POST /v1/files), kept in memory until reset().
// OCR reads them by file_id, and their signed URLs are served from /__sim/signed/.
import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { sendJson } from '../../http'

export type FilePurpose = 'fine-tune' | 'batch' | 'ocr'

export interface SimFile {
  id: string
  filename: string
  purpose: FilePurpose
  bytes: Buffer
  mimetype: string | null
  createdAt: number
  expiresAt: number | null
  visibility: 'workspace' | 'user'
}

/** The wire form shared by upload, list and retrieve (FileSchema and its siblings). */
export function fileBody(file: SimFile) {
  return {
    id: file.id,
    object: 'file',
    bytes: file.bytes.length,
    created_at: file.createdAt,
    filename: file.filename,
    purpose: file.purpose,
    // The spec's SampleType enum has no value for OCR uploads; `instruct` keeps the
    // reply valid against it (the SDK's enum is open and accepts either).
    sample_type: file.purpose === 'batch' ? 'batch_request' : 'instruct',
    num_lines: null,
    mimetype: file.mimetype,
    source: 'upload',
    signature: null,
    expires_at: file.expiresAt,
    visibility: file.visibility,
  }
}

export class SimFiles {
  private readonly files = new Map<string, SimFile>()
  // Per simulator, so a signed URL from one run does not open another's files.
  private readonly secret = randomBytes(16)

  add(fields: Omit<SimFile, 'id'>): SimFile {
    const file = { ...fields, id: randomUUID() }
    this.files.set(file.id, file)
    return file
  }

  get(id: string): SimFile | undefined {
    return this.files.get(id)
  }

  delete(id: string): boolean {
    return this.files.delete(id)
  }

  /** Newest first, as the service lists them. */
  all(): SimFile[] {
    return [...this.files.values()].sort((a, b) => b.createdAt - a.createdAt)
  }

  clear(): void {
    this.files.clear()
  }

  private signature(id: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${id}:${expires}`).digest('hex')
  }

  signedUrl(baseUrl: string, id: string, expires: number): string {
    return `${baseUrl}/__sim/signed/${id}?expires=${expires}&signature=${this.signature(id, expires)}`
  }

  /** The file a signed URL names, if the URL is one of ours, unexpired and correctly signed. */
  resolveSigned(url: URL, nowSeconds = Math.floor(Date.now() / 1000)): SimFile | undefined {
    const id = /^\/__sim\/signed\/([^/]+)$/.exec(url.pathname)?.[1]
    const expires = Number(url.searchParams.get('expires'))
    if (!id || !Number.isInteger(expires) || expires < nowSeconds) return undefined
    if (url.searchParams.get('signature') !== this.signature(id, expires)) return undefined
    return this.files.get(id)
  }

  /** GET /__sim/signed/<id>: the bytes, without auth; a bad or expired signature gets 403 as from object storage. */
  serveSigned(res: ServerResponse, path: string, url: URL): void {
    const file = this.resolveSigned(new URL(path + url.search, url))
    if (!file) return sendJson(res, 403, { error: 'Request has expired or the signature does not match' })
    res.writeHead(200, { 'content-type': file.mimetype ?? 'application/octet-stream', 'content-length': file.bytes.length })
    res.end(file.bytes)
  }
}
