/**
 * Files the browser host streams in, chunk by chunk, into a temp file under the data
 * dir: no frame carries more than one chunk, and no more than one chunk is in memory.
 * Chunks must arrive in order; more bytes than announced are refused.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AppErrorException, appError } from '../../../shared/errors'

interface Upload {
  fileName: string
  declared: number
  received: number
  file: string
}

export interface FinishedUpload {
  path: string
  fileName: string
  /** Removes the temp file. */
  discard(): void
}

export class ChunkedUploads {
  private readonly uploads = new Map<string, Upload>()

  constructor(private readonly dir: string) {}

  start(fileName: string, declared: number): string {
    fs.mkdirSync(this.dir, { recursive: true })
    const id = randomUUID()
    const file = path.join(this.dir, id)
    fs.writeFileSync(file, '')
    this.uploads.set(id, { fileName, declared, received: 0, file })
    return id
  }

  append(id: string, offset: number, base64: string): number {
    const upload = this.get(id)
    if (offset !== upload.received) {
      throw new AppErrorException(appError('invalid_input', `"${upload.fileName}": a chunk arrived out of order. Add the file again.`))
    }
    const bytes = Buffer.from(base64, 'base64')
    if (upload.received + bytes.length > upload.declared) {
      this.abandon(id)
      throw new AppErrorException(appError('invalid_input', `"${upload.fileName}" sent more bytes than it announced. Add the file again.`))
    }
    fs.appendFileSync(upload.file, bytes)
    upload.received += bytes.length
    return upload.received
  }

  finish(id: string): FinishedUpload {
    const upload = this.get(id)
    if (upload.received !== upload.declared) {
      this.abandon(id)
      throw new AppErrorException(appError('invalid_input', `"${upload.fileName}" arrived incomplete (${upload.received} of ${upload.declared} bytes). Add it again.`))
    }
    this.uploads.delete(id)
    return { path: upload.file, fileName: upload.fileName, discard: () => fs.rmSync(upload.file, { force: true }) }
  }

  abandon(id: string): void {
    const upload = this.uploads.get(id)
    if (!upload) return
    this.uploads.delete(id)
    fs.rmSync(upload.file, { force: true })
  }

  /** Shutdown: temp files of unfinished uploads are removed. */
  close(): void {
    for (const id of [...this.uploads.keys()]) this.abandon(id)
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id)
    if (!upload) throw new AppErrorException(appError('not_found', 'That upload is gone. Add the file again.'))
    return upload
  }
}
