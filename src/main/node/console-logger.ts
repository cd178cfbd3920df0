/**
 * node/: plain Node, used by both hosts; never imports electron.
 *
 * The hosts' logger: one line per entry on stderr (stdout of the browser host is kept
 * for its ready line), with every message and datum passed through the core's redactor
 * so neither a known key nor anything key-shaped is ever written.
 */
import { redactingLogger } from '../core/kernel/keys/redact'
import type { Logger } from '../core/ports'

export function createConsoleLogger(secrets: () => readonly string[]): Logger {
  const line =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, data?: Record<string, unknown>): void => {
      const suffix = data === undefined ? '' : ` ${safeJson(data)}`
      process.stderr.write(`[${new Date().toISOString()}] ${level}: ${message}${suffix}\n`)
    }
  return redactingLogger({ info: line('info'), warn: line('warn'), error: line('error') }, secrets)
}

function safeJson(data: unknown): string {
  try {
    return JSON.stringify(data)
  } catch {
    return '[unserializable]'
  }
}
