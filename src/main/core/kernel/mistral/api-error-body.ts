/**
 * Reads the parts of a failed API response that the error mapping needs. Error
 * bodies are not uniform (observed): `message` may be a string or an object holding
 * `detail[]`, and a 401 may be `{"detail":"Unauthorized"}`. Everything here is
 * defensive: a body we cannot read yields null, never a throw.
 */

interface DetailItem {
  loc?: unknown
  msg?: unknown
}

function describeDetail(detail: unknown): string | null {
  if (typeof detail === 'string') return detail
  if (!Array.isArray(detail)) return null
  const parts = detail
    .filter((d): d is DetailItem => typeof d === 'object' && d !== null)
    .map((d) => {
      const msg = typeof d.msg === 'string' ? d.msg : 'invalid value'
      // loc is like ["body","messages",0,"foo"]: the leading "body" says nothing to a user.
      const loc = Array.isArray(d.loc) ? d.loc.filter((p) => p !== 'body').join('.') : ''
      return loc ? `${loc}: ${msg}` : msg
    })
  return parts.length > 0 ? parts.join('; ') : null
}

/** The human part of an error body, e.g. "Rate limit exceeded" or "messages.0.foo: Extra inputs are not permitted". */
export function apiErrorMessage(body: string | undefined | null): string | null {
  if (!body) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof parsed !== 'object' || parsed === null) return null
  const obj = parsed as Record<string, unknown>
  const message = obj['message']
  if (typeof message === 'string' && message.trim()) return message.trim()
  if (typeof message === 'object' && message !== null) {
    const inner = describeDetail((message as Record<string, unknown>)['detail'])
    if (inner) return inner
  }
  return describeDetail(obj['detail'])
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}
