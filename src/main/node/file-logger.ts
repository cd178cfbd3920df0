/**
 * node/: plain Node, used by both hosts; never imports electron.
 *
 * Log files in the app's data directory (<data>/logs/main.log), so a user can send what
 * went wrong after the console is gone. Every line goes through the core's redactor
 * first (known keys, Bearer tokens and anything shaped like a Mistral key), and the files
 * rotate by size: main.log, then main.1.log ... main.<keep>.log, oldest dropped.
 *
 * Writes are synchronous appends: log volume is a few lines per request, a crash must not
 * lose the line that explains it, and there is no buffer to flush on exit. A failure to
 * write (disk full, read-only data directory) must never break the app, so it is
 * swallowed; the console logger still has the line.
 */
import { chmodSync, closeSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { redactingLogger } from '../core/kernel/keys/redact'
import type { Logger } from '../core/ports'

export interface FileLoggerOptions {
  /** The directory the files go in, e.g. join(userData, 'logs'). */
  dir: string
  /** Known secrets to replace, on top of the key-shaped pattern. */
  secrets: () => readonly string[]
  /** Rotate once main.log would pass this size. */
  maxBytes?: number
  /** Rotated files kept besides main.log. */
  keep?: number
  now?: () => Date
}

export const LOG_FILE = 'main.log'
const DEFAULT_MAX_BYTES = 1024 * 1024
const DEFAULT_KEEP = 3

export function createFileLogger(options: FileLoggerOptions): Logger {
  const sink = new RotatingFile(options.dir, options.maxBytes ?? DEFAULT_MAX_BYTES, options.keep ?? DEFAULT_KEEP)
  const now = options.now ?? (() => new Date())
  const line =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, data?: Record<string, unknown>): void => {
      const suffix = data === undefined ? '' : ` ${safeJson(data)}`
      // One entry per line: a message with newlines (a stack) must not forge the next entry.
      sink.write(`[${now().toISOString()}] ${level}: ${message.replace(/\r?\n/g, '\\n')}${suffix}\n`)
    }
  return redactingLogger({ info: line('info'), warn: line('warn'), error: line('error') }, options.secrets)
}

/** Sends every entry to each logger in turn; one that throws does not starve the rest. */
export function teeLogger(...loggers: Logger[]): Logger {
  const each =
    (level: keyof Logger) =>
    (message: string, data?: Record<string, unknown>): void => {
      for (const logger of loggers) {
        try {
          logger[level](message, data)
        } catch {
          // A logger must never be why the app fails.
        }
      }
    }
  return { info: each('info'), warn: each('warn'), error: each('error') }
}

class RotatingFile {
  private fd: number | null = null
  private size = 0
  private broken = false

  constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly keep: number,
  ) {}

  write(text: string): void {
    if (this.broken) return
    try {
      const bytes = Buffer.from(text)
      if (this.fd !== null && this.size > 0 && this.size + bytes.length > this.maxBytes) this.rotate()
      const fd = this.open()
      writeSync(fd, bytes)
      this.size += bytes.length
    } catch {
      // Disk full or read-only: stop trying rather than fail every log call.
      this.broken = true
      this.close()
    }
  }

  private open(): number {
    if (this.fd !== null) return this.fd
    // Logs name conversations' ids and errors: readable by this user only.
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const file = join(this.dir, LOG_FILE)
    this.fd = openSync(file, 'a', 0o600)
    chmodSync(file, 0o600)
    this.size = fstatSync(this.fd).size
    if (this.size >= this.maxBytes) {
      this.rotate()
      return this.open()
    }
    return this.fd
  }

  private rotate(): void {
    this.close()
    const name = (i: number) => join(this.dir, i === 0 ? LOG_FILE : LOG_FILE.replace(/\.log$/, `.${i}.log`))
    rmSync(name(this.keep), { force: true })
    for (let i = this.keep - 1; i >= 0; i--) {
      try {
        renameSync(name(i), name(i + 1))
      } catch {
        // Not there yet.
      }
    }
    this.size = 0
  }

  private close(): void {
    if (this.fd === null) return
    try {
      closeSync(this.fd)
    } catch {
      // Already gone.
    }
    this.fd = null
  }
}

function safeJson(data: unknown): string {
  try {
    return JSON.stringify(data)
  } catch {
    return '[unserializable]'
  }
}
