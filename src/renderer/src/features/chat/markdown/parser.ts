/**
 * Markdown to HTML for model output: GFM, math, highlighted code, and a policy for what
 * may become live. The output still goes through DOMPurify (sanitize.ts) before the DOM.
 * Pure (no DOM), so it runs in Node tests.
 */
import { Lexer, Marked, Renderer, type Token } from 'marked'
import { codeBlockHtml } from './code-block'
import { mathExtensions } from './math'
import { escapeHtml, isInlineImageSrc, safeHref } from './urls'

const marked = new Marked(
  { gfm: true, breaks: false },
  ...mathExtensions(),
  {
    renderer: {
      code({ text, lang }) {
        return codeBlockHtml(text, lang)
      },
      // Raw HTML from the model shows as text: it is untrusted, and "the <div> element"
      // written without backticks should read as written rather than vanish.
      html({ text, block }) {
        if (/^<br\s*\/?>$/i.test(text.trim())) return '<br>'
        return block ? `<p class="md-raw">${escapeHtml(text.trim())}</p>\n` : escapeHtml(text)
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens)
        const url = safeHref(href)
        if (!url) return `<span class="md-link md-link--inert">${inner}</span>`
        // The title shows where the link goes: it opens outside the app.
        return `<a class="md-link" href="${escapeHtml(url)}" title="${escapeHtml(title || url)}">${inner}</a>`
      },
      image({ href, title, text }) {
        const alt = escapeHtml(text)
        if (isInlineImageSrc(href)) {
          const titleAttr = title ? ` title="${escapeHtml(title)}"` : ''
          return `<img class="md-image" src="${escapeHtml(href)}" alt="${alt}"${titleAttr}>`
        }
        // A remote image could not load under the CSP; offer it as a link rather than a broken icon.
        const url = safeHref(href)
        const label = `<span class="md-image-link__kind">Image:</span> ${alt || escapeHtml(url ?? href)}`
        if (!url) return `<span class="md-link md-link--inert">${label}</span>`
        return `<a class="md-link md-image-link" href="${escapeHtml(url)}" title="${escapeHtml(url)}">${label}</a>`
      },
      // A task-list box needs a name of its own (axe "label"); its item's text follows it.
      checkbox({ checked }) {
        return `<input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'Done' : 'Not done'}"> `
      },
      table(token) {
        // A wrapper scrolls wide tables instead of widening the message.
        return `<div class="md-table">${Renderer.prototype.table.call(this, token)}</div>\n`
      },
    },
  },
)

/**
 * Top-level tokens only (no inline pass: splitting needs just the boundaries), with the
 * renderer's extensions, since math changes where blocks end. `text` must use \n line ends.
 */
export function lexBlocks(text: string): Token[] {
  return new Lexer(marked.defaults).blockTokens(text)
}

/**
 * HTML for one block. `defs` (link reference definitions found elsewhere in the message)
 * go first, so `[text][ref]` resolves; they render nothing themselves.
 */
export function markdownToHtml(block: string, defs = ''): string {
  return marked.parse(defs ? `${defs}\n\n${block}` : block, { async: false })
}
