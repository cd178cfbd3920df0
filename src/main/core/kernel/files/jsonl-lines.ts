/**
 * Reads a JSONL file line by line in bounded memory: chunks are split on "\n" as they
 * arrive, a line longer than `maxLineBytes` is reported as too long and skipped without
 * being held, and the caller sees each line with its 1-based number. Used by the
 * fine-tuning dataset checker and the batch file check (files of hundreds of MB).
 */
import fs from 'node:fs'

export interface JsonlLine {
  /** 1-based. */
  number: number
  /** The line's text without its "\n" (and without a trailing "\r"); null when it was too long to keep. */
  text: string | null
  /** Bytes of the line, including its newline. */
  bytes: number
}

export interface ReadOptions {
  maxLineBytes?: number
  signal?: AbortSignal
  /** Called after each chunk with the bytes read so far. */
  onProgress?: (bytesRead: number) => void
}

export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024
const CHUNK = 1024 * 1024

export async function* jsonlLines(path: string, opts: ReadOptions = {}): AsyncGenerator<JsonlLine> {
  const max = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES
  let parts: Buffer[] = []
  let partBytes = 0
  let overflow = false
  let number = 0
  let read = 0
  const finish = (tail: Buffer | null): JsonlLine => {
    number += 1
    const bytes = partBytes + (tail?.length ?? 0) + 1
    let text: string | null = null
    if (!overflow && bytes - 1 <= max) {
      const whole = parts.length === 0 ? (tail ?? Buffer.alloc(0)) : Buffer.concat(tail ? [...parts, tail] : parts)
      text = whole.toString('utf8')
      if (text.endsWith('\r')) text = text.slice(0, -1)
    }
    parts = []
    partBytes = 0
    overflow = false
    return { number, text, bytes }
  }
  const stream = fs.createReadStream(path, { highWaterMark: CHUNK, ...(opts.signal ? { signal: opts.signal } : {}) })
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    read += chunk.length
    let start = 0
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      yield finish(chunk.subarray(start, nl))
      start = nl + 1
    }
    const rest = chunk.subarray(start)
    if (rest.length > 0) {
      if (!overflow && partBytes + rest.length <= max) parts.push(Buffer.from(rest))
      else {
        overflow = true
        parts = []
      }
      partBytes += rest.length
    }
    opts.onProgress?.(read)
  }
  if (partBytes > 0) yield finish(null)
}
