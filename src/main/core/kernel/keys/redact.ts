/**
 * Keeps the API key out of every string that leaves the core: error messages,
 * log lines, anything stored. The exact key is replaced when it is known; on top
 * of that anything *shaped* like a key is masked, because an error can echo a key
 * we were never told about (a pasted candidate, an env key from another shell).
 */
import type { Logger } from '../../ports'

export const REDACTED = '[redacted]'

/** "Bearer <token>" as it appears in an echoed Authorization header. */
const BEARER = /\b(Bearer\s+)[^\s"',;]+/gi
/** Mistral keys are 32 alphanumerics; a run of 32+ mixing letters and digits is masked. */
const KEY_SHAPED = /\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{32,}\b/g

export function redact(text: string, keys?: string | null | readonly (string | null | undefined)[]): string {
  let out = text
  const list = typeof keys === 'string' ? [keys] : (keys ?? [])
  for (const key of list) {
    // Short strings are not keys (contract: min 8); replacing them would mangle ordinary text.
    if (key && key.length >= 8) out = out.split(key).join(REDACTED)
  }
  return out.replace(BEARER, `$1${REDACTED}`).replace(KEY_SHAPED, REDACTED)
}

/** Redacts the strings inside log data too, so a stray `{ error: String(err) }` cannot leak. */
function redactData(data: unknown, keys: readonly string[], depth = 0): unknown {
  if (typeof data === 'string') return redact(data, keys)
  if (data instanceof Error) return redact(`${data.name}: ${data.message}`, keys)
  if (depth > 4 || data === null || typeof data !== 'object') return data
  if (Array.isArray(data)) return data.map((v) => redactData(v, keys, depth + 1))
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, redactData(v, keys, depth + 1)]))
}

/** Wraps the host's logger so nothing the core logs can carry a known or key-shaped secret. */
export function redactingLogger(inner: Logger, secrets: () => readonly string[]): Logger {
  const wrap =
    (level: keyof Logger) =>
    (message: string, data?: Record<string, unknown>): void => {
      const keys = secrets()
      const clean = data === undefined ? undefined : (redactData(data, keys) as Record<string, unknown>)
      inner[level](redact(message, keys), clean)
    }
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') }
}
