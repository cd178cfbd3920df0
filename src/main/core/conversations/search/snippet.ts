/**
 * A snippet around the first substring hit, for the trigram path where FTS5's snippet()
 * cannot see matches shorter than three characters. Same markers and ellipsis as snippet().
 */
import { HIT_END, HIT_START } from './markers'

const CONTEXT_CHARS = 30

export function substringSnippet(content: string, terms: readonly string[]): string {
  const lower = content.toLowerCase()
  const spans = terms
    .map((t) => t.toLowerCase())
    .flatMap((t) => {
      const at = lower.indexOf(t)
      return at < 0 ? [] : [{ at, end: at + t.length }]
    })
    .sort((a, b) => a.at - b.at)
  const first = spans[0]
  if (!first) return content.slice(0, CONTEXT_CHARS * 2)
  const start = Math.max(0, first.at - CONTEXT_CHARS)
  const stop = Math.min(content.length, first.end + CONTEXT_CHARS)
  let out = start > 0 ? '…' : ''
  let pos = start
  for (const span of spans) {
    if (span.at < pos || span.end > stop) continue
    out += content.slice(pos, span.at) + HIT_START + content.slice(span.at, span.end) + HIT_END
    pos = span.end
  }
  return out + content.slice(pos, stop) + (stop < content.length ? '…' : '')
}
