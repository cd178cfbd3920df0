/**
 * A fenced code block: a header with the fence's language and a Copy button, then the
 * highlighted code. The button does nothing by itself; MarkdownBody handles its clicks
 * by delegation, because this HTML is inserted as a string.
 */
// The common subset (~37 languages) rather than all ~190: a fraction of the size.
import hljs from 'highlight.js/lib/common'
import { renderMath } from './math'
import { escapeHtml } from './urls'

/** Guessing the language costs one pass per known language: only for short blocks. */
const AUTO_DETECT_MAX_CHARS = 1000
/** Below this hljs relevance a guess is usually prose or config noise; leave it plain. */
const AUTO_DETECT_MIN_RELEVANCE = 5

export const COPY_BUTTON_CLASS = 'md-code__copy'

export function codeBlockHtml(code: string, fenceInfo: string | undefined): string {
  // The info string may carry more than the language, e.g. "ts title=a.ts".
  const lang = (fenceInfo ?? '').trim().split(/\s+/)[0]?.slice(0, 40) ?? ''
  if (lang.toLowerCase() === 'math') return `<div class="md-math">${renderMath(code, true)}</div>\n`

  const { html, language } = highlight(code, lang)
  const label = lang || 'text'
  return (
    `<div class="md-code">` +
    `<div class="md-code__header">` +
    `<span class="md-code__lang">${escapeHtml(label)}</span>` +
    `<button type="button" class="${COPY_BUTTON_CLASS}">` +
    `<span class="md-code__copy-idle">Copy<span class="visually-hidden"> code</span></span>` +
    `<span class="md-code__copy-status"></span>` +
    `</button>` +
    `</div>` +
    // tabindex: a wide block scrolls sideways, and keyboard users need to reach it to scroll it.
    `<pre tabindex="0"><code class="hljs${language ? ` language-${escapeHtml(language)}` : ''}">${html}</code></pre>` +
    `</div>\n`
  )
}

function highlight(code: string, lang: string): { html: string; language: string | null } {
  try {
    if (lang && hljs.getLanguage(lang)) {
      return { html: hljs.highlight(code, { language: lang, ignoreIllegals: true }).value, language: lang }
    }
    if (!lang && code.length <= AUTO_DETECT_MAX_CHARS) {
      const guess = hljs.highlightAuto(code)
      if (guess.language && guess.relevance >= AUTO_DETECT_MIN_RELEVANCE) {
        return { html: guess.value, language: guess.language }
      }
    }
  } catch {
    // A grammar bug must not lose the code: fall through to plain text.
  }
  return { html: escapeHtml(code), language: null }
}
