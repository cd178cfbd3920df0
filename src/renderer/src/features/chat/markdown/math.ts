/**
 * LaTeX in model output. marked-katex-extension covers inline `$…$` (only with a space or
 * line start before and a space, punctuation or line end after, so "$5 and $10" stays text).
 * Mistral models also write `\(…\)`, `\[…\]` and `$$…$$`, as blocks or spanning lines inside
 * a paragraph; the extensions below add those.
 */
import katex, { type KatexOptions } from 'katex'
import markedKatex from 'marked-katex-extension'
import type { MarkedExtension, TokenizerAndRendererExtension, Tokens } from 'marked'
import { escapeHtml } from './urls'

export const katexOptions: KatexOptions = {
  throwOnError: false,
  // MathML for screen readers; the HTML half is aria-hidden by KaTeX.
  output: 'htmlAndMathml',
  // No \href, \url, \includegraphics or \htmlClass from untrusted text.
  trust: false,
  // Unicode and other non-LaTeX input renders as well as it can, without console noise.
  strict: 'ignore',
}

export function renderMath(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { ...katexOptions, displayMode })
}

interface MathToken extends Tokens.Generic {
  type: 'mathBlock' | 'mathInline'
  text: string
  displayMode: boolean
  /** A block whose closing delimiter has not arrived yet (the reply is still streaming). */
  pending?: boolean
  /** Opened but never closed before a blank line: not math after all, shown as a paragraph. */
  unclosed?: boolean
}

// No blank line inside: display math never has one, and it stops a stray "$$" from swallowing paragraphs.
const BODY = String.raw`((?:(?!\n[ \t]*\n)[\s\S])+?)`
/** `\(…\)` inline; `\[…\]` and `$$…$$` (which may span lines) as display math inside a paragraph. */
const INLINE = new RegExp(String.raw`^(?:\\\(${BODY}\\\)|\\\[${BODY}\\\]|\$\$(?!\$)${BODY}\$\$)`)
const BLOCK_OPEN = /^ {0,3}(\$\$|\\\[)/
const BLANK_LINE = /\n[ \t]*\n/
const LINE_END = /^[ \t]*(?:\n|$)/

/**
 * `\[…\]` or `$$…$$` starting a block and ending its line. Until the closing delimiter
 * arrives, an opening one runs to the end of the text, like an unclosed code fence: it is
 * then always the growing tail, and the lines inside are never finished blocks of their own
 * (they would be wrong once the math closes). A blank line first means it was not math; it
 * still stays one block, since letting those lines join the block above would change a block
 * that was already shown as finished.
 */
function blockMathToken(src: string): MathToken | undefined {
  const open = BLOCK_OPEN.exec(src)
  if (!open) return undefined
  const close = open[1] === '$$' ? '$$' : '\\]'
  const blank = src.search(BLANK_LINE)
  const segment = blank === -1 ? src : src.slice(0, blank)
  const closeAt = segment.indexOf(close, open[0].length)
  if (closeAt === -1) {
    if (blank !== -1) return { type: 'mathBlock', raw: segment, text: segment, displayMode: true, unclosed: true }
    return { type: 'mathBlock', raw: src, text: src.slice(open[0].length), displayMode: true, pending: true }
  }
  const text = src.slice(open[0].length, closeAt).trim()
  const end = LINE_END.exec(src.slice(closeAt + close.length))
  // Closed mid-line ("$$x$$ is…"): a paragraph, whose inline rule renders the math.
  if (!end || text === '') return undefined
  return { type: 'mathBlock', raw: src.slice(0, closeAt + close.length + end[0].length), text, displayMode: true }
}

const mathBlock: TokenizerAndRendererExtension = {
  name: 'mathBlock',
  level: 'block',
  // No start(): a block extension with one cuts paragraphs at every candidate, even mid-line.
  tokenizer(src) {
    const token = blockMathToken(src)
    if (token?.unclosed) token.tokens = this.lexer.inline(token.text)
    return token
  },
  renderer(token) {
    const math = token as MathToken
    if (math.unclosed) return `<p>${this.parser.parseInline(math.tokens ?? [])}</p>\n`
    if (math.pending) return `<div class="md-math md-math--pending">${escapeHtml(math.raw)}</div>\n`
    return `<div class="md-math">${renderMath(math.text, true)}</div>\n`
  },
}

const mathInline: TokenizerAndRendererExtension = {
  name: 'mathInline',
  level: 'inline',
  start(src) {
    const index = src.search(/\\\(|\\\[|\$\$/)
    return index === -1 ? undefined : index
  },
  tokenizer(src) {
    const match = INLINE.exec(src)
    if (!match) return undefined
    const text = (match.slice(1).find((group) => group !== undefined) ?? '').trim()
    const token: MathToken = { type: 'mathInline', raw: match[0], text, displayMode: !match[0].startsWith('\\(') }
    return token
  },
  renderer: (token) => renderMath((token as MathToken).text, (token as MathToken).displayMode),
}

export function mathExtensions(): MarkedExtension[] {
  // Only the extension's inline `$…$`: its block rule would also span blank lines, which would
  // let a late "$$" swallow blocks already rendered as finished.
  const inlineDollar = (markedKatex({ ...katexOptions, nonStandard: false }).extensions ?? []).filter(
    (extension) => extension.name === 'inlineKatex',
  )
  // Ours are registered later, so tried first (marked unshifts extension tokenizers).
  return [{ extensions: [...inlineDollar, mathBlock, mathInline] }]
}
