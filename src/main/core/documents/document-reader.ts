/**
 * Reads stored bytes back to the renderer in chunks (the original for the viewer's
 * pdf.js canvas or <img>, extracted images, export downloads): one bounded frame per
 * call, so a 50 MB original never travels as one message. A ref names what to read:
 * `original:<documentId>`, `image:<documentId>:<imageId>` or `export:<exportId>`.
 */
import fs from 'node:fs'
import { UPLOAD_CHUNK_BYTES } from '../../../shared/contract/documents'
import type { DocumentChunk } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { FileStore } from '../kernel/files/file-store'
import type { DocumentExporter } from './document-export'
import type { DocumentsRepo } from './documents-repo'
import { mimeOf } from './ocr-transport'


const gone = () => new AppErrorException(appError('not_found', 'That file is no longer stored. Run OCR on the document again.'))

export class DocumentReader {
  constructor(
    private readonly repo: DocumentsRepo,
    private readonly files: FileStore,
    private readonly exporter: DocumentExporter,
  ) {}

  private resolve(ref: string): { path: string; mime: string } {
    const [kind, id = '', imageId = ''] = ref.split(':')
    if (kind === 'original') {
      const doc = this.repo.get(id)
      if (!doc || !this.files.has(doc.sha256)) throw gone()
      return { path: this.files.pathOf(doc.sha256), mime: mimeOf(doc.kind) }
    }
    if (kind === 'image') {
      const image = this.repo.image(id, imageId)
      if (!image?.sha256 || !this.files.has(image.sha256)) throw gone()
      return { path: this.files.pathOf(image.sha256), mime: image.mime ?? 'application/octet-stream' }
    }
    if (kind === 'export') {
      const path = this.exporter.exportPath(id)
      if (!fs.existsSync(path)) throw gone()
      return { path, mime: 'application/octet-stream' }
    }
    throw new AppErrorException(appError('invalid_input', `Unknown file reference "${ref.slice(0, 40)}".`))
  }

  /** At most UPLOAD_CHUNK_BYTES bytes from `offset`, base64. */
  read(ref: string, offset: number): DocumentChunk {
    const { path, mime } = this.resolve(ref)
    const total = fs.statSync(path).size
    const length = Math.max(0, Math.min(UPLOAD_CHUNK_BYTES, total - offset))
    const buffer = Buffer.alloc(length)
    const fd = fs.openSync(path, 'r')
    try {
      fs.readSync(fd, buffer, 0, length, offset)
    } finally {
      fs.closeSync(fd)
    }
    const end = offset + length
    return { data: buffer.toString('base64'), offset, total, next: end < total ? end : null, mime }
  }
}
