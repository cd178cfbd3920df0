/**
 * The last gate before model output reaches the DOM. parser.ts already escapes raw HTML and
 * drops unsafe URLs; this is the defence in depth in case a library lets something through.
 * Needs a DOM (DOMPurify), so it is kept out of the Node-tested modules.
 */
import DOMPurify from 'dompurify'
import { isInlineImageSrc, safeHref } from './urls'

const purify = DOMPurify(window)

// DOMPurify's default URI rule has no blob:, which inline images may use.
purify.addHook('uponSanitizeAttribute', (node, data) => {
  if (node.nodeName === 'IMG' && data.attrName === 'src' && /^blob:/i.test(data.attrValue)) data.forceKeepAttr = true
})

purify.addHook('afterSanitizeAttributes', (node) => {
  // Links go out only as http(s) (HTML and SVG alike), and never into a named window.
  for (const name of ['href', 'xlink:href']) {
    const value = node.getAttribute(name)
    if (value !== null && !safeHref(value)) node.removeAttribute(name)
  }
  node.removeAttribute('target')
  if (node.nodeName === 'IMG' && !isInlineImageSrc(node.getAttribute('src') ?? '')) node.removeAttribute('src')
  if (node instanceof HTMLInputElement) {
    // Only GFM task-list boxes, which show state and cannot be changed.
    node.type = 'checkbox'
    node.disabled = true
  }
})

const CONFIG = {
  // KaTeX emits HTML with inline SVG (roots, arrows) and MathML for screen readers.
  USE_PROFILES: { html: true, svg: true, mathMl: true },
  // KaTeX wraps its MathML in <semantics> with the TeX source as an <annotation>.
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['encoding'],
  FORBID_TAGS: ['style', 'form', 'textarea', 'select', 'option', 'iframe', 'object', 'embed'],
  // No ALLOWED_URI_REGEXP: DOMPurify tests it against every attribute value not known to be
  // URI-safe (tabindex, align, viewBox, path data…), so a narrow one strips KaTeX and tables.
  // The hooks above narrow links and images instead.
}

export function sanitizeHtml(html: string): string {
  return purify.sanitize(html, CONFIG)
}
