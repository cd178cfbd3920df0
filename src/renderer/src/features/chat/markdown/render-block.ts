/**
 * One block's final HTML: parsed, sanitized and cached. The cache matters when the message
 * list unmounts and remounts rows (virtualization, switching conversations): a finished
 * block is then not parsed and highlighted again. Only finished blocks are cached; the
 * streaming tail changes every frame and would only evict them.
 */
import { markdownToHtml } from './parser'
import { sanitizeHtml } from './sanitize'
import { escapeHtml } from './urls'

const CACHE_LIMIT = 500
const cache = new Map<string, string>()

export function renderBlock(raw: string, defs: string): string {
  try {
    return sanitizeHtml(markdownToHtml(raw, defs))
  } catch {
    // Never lose the text to a parser or highlighter bug.
    return `<p class="md-raw">${escapeHtml(raw)}</p>`
  }
}

export function renderBlockCached(raw: string, defs: string): string {
  const key = `${defs}\u0000${raw}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    // Map keeps insertion order: re-inserting marks it recently used.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const html = renderBlock(raw, defs)
  cache.set(key, html)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
  return html
}
