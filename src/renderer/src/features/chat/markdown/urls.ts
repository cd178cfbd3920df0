/**
 * Which URLs in model output may become live. Pure, so the rules are unit-tested in Node.
 */

/** The normalized href for an http(s) URL, or null: anything else (javascript:, mailto:, relative) stays inert. */
export function safeHref(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return null
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
}

// The CSP blocks remote images anyway (img-src 'self' data: blob:); only inline sources can show.
const INLINE_IMAGE = /^(?:data:image\/[a-z0-9.+-]+[;,]|blob:)/i

export function isInlineImageSrc(src: string): boolean {
  return INLINE_IMAGE.test(src.trim())
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)
}
