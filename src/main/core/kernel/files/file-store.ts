/**
 * Files the app keeps (attachments, OCR page images, exports' sources) live on disk,
 * named by the SHA-256 of their bytes; SQLite rows hold only that hash. Storing the
 * same bytes twice keeps one file. Writes go to a temp name and are renamed into
 * place, so a crash never leaves a half-written file under a real hash.
 */
import { createHash, randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { once } from 'node:events'
import { pipeline } from 'node:stream/promises'

export interface StoredFile {
  sha256: string
  bytes: number
  /** Absolute path of the stored copy. */
  path: string
}

const HASH = /^[0-9a-f]{64}$/

export class FileStore {
  constructor(private readonly root: string) {}

  putBytes(bytes: Uint8Array): StoredFile {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const target = this.pathOf(sha256)
    if (!fs.existsSync(target)) {
      const temp = this.tempPath()
      fs.writeFileSync(temp, bytes)
      fs.renameSync(temp, target)
    }
    return { sha256, bytes: bytes.byteLength, path: target }
  }

  /** Copies a file in while hashing it, in one streamed pass: never the whole file in memory. */
  async putFile(source: string): Promise<StoredFile> {
    // Opened before the temp file exists, so a missing or unreadable source leaves nothing behind.
    const input = await fs.promises.open(source, 'r')
    const temp = this.tempPath()
    const hash = createHash('sha256')
    let bytes = 0
    const out = fs.createWriteStream(temp)
    try {
      await pipeline(
        input.createReadStream(),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk)
            bytes += chunk.byteLength
            yield chunk
          }
        },
        out,
      )
      const sha256 = hash.digest('hex')
      const target = this.pathOf(sha256)
      if (fs.existsSync(target)) fs.rmSync(temp)
      else fs.renameSync(temp, target)
      return { sha256, bytes, path: target }
    } catch (err) {
      // Removing the temp file before its stream has closed would let a pending open recreate it.
      if (!out.closed) await once(out, 'close')
      fs.rmSync(temp, { force: true })
      throw err
    }
  }

  has(sha256: string): boolean {
    return HASH.test(sha256) && fs.existsSync(this.pathOf(sha256))
  }

  /** The stored copy's path; throws for anything that is not a hash, so a row can never point outside the store. */
  pathOf(sha256: string): string {
    if (!HASH.test(sha256)) throw new Error(`Not a SHA-256 file name: ${sha256.slice(0, 80)}`)
    const dir = path.join(this.root, sha256.slice(0, 2))
    fs.mkdirSync(dir, { recursive: true })
    return path.join(dir, sha256)
  }

  remove(sha256: string): boolean {
    if (!this.has(sha256)) return false
    fs.rmSync(this.pathOf(sha256))
    return true
  }

  private tempPath(): string {
    const dir = path.join(this.root, 'tmp')
    fs.mkdirSync(dir, { recursive: true })
    return path.join(dir, randomUUID())
  }
}
