/**
 * Heights of message rows by message id, and a guess for the rows not measured yet.
 *
 * One instance lives as long as the chat pane, across conversation switches: reopening a
 * conversation lays out its rows at their measured heights, so it opens at its end exactly.
 * A height is only trusted at the viewport width it was measured at; text rewraps otherwise.
 */
import type { Message } from '../../../../../shared/domain'

/**
 * Layout numbers in px, read off the chat stylesheets at the 15px root font size
 * (message-list.css, chat.css, markdown/markdown.css, turn-actions/turn-actions.css).
 * They only shape the guesses, and so the scrollbar; measured heights replace them.
 */
export const ROW_LAYOUT = {
  /** .message-list__rows max-width: 52rem. */
  maxWidth: 780,
  /** Row padding, message padding and borders, left plus right. */
  horizontalChrome: 2 * 15 + 2 * 12 + 2,
  /** Row padding, message padding, borders and the "You"/"Mistral" header, top plus bottom. */
  verticalChrome: 11 + 18 + 2 + 23,
  /** User text is pre-wrapped: every line, blank ones included, is a line. */
  plainLineHeight: 22.5,
  /** Replies are markdown: blank lines separate paragraphs rather than take a line. */
  markdownLineHeight: 24,
  paragraphGap: 9,
  /** An average glyph of system-ui at 15px; prose is mostly narrow letters and spaces. */
  charWidth: 7.2,
  /** The tools under a finished message (edit, copy, versions...). */
  toolbar: 24,
  /** The Regenerate row under a stopped or interrupted reply. */
  actions: 44,
  /** An error notice with its Retry button under a failed reply. */
  error: 96,
} as const

type Estimated = Pick<Message, 'content' | 'role' | 'status'>

/** A rough height for a row that has not been measured: wrapped lines of its text plus chrome. */
export function estimateRowHeight(message: Estimated | undefined, viewportWidth: number): number {
  const L = ROW_LAYOUT
  const textWidth = Math.max(120, Math.min(viewportWidth || L.maxWidth, L.maxWidth) - L.horizontalChrome)
  const perLine = Math.max(10, Math.floor(textWidth / L.charWidth))
  let body: number = L.plainLineHeight
  if (message?.content) {
    const { lines, blank, breaks } = countLines(message.content, perLine)
    body =
      message.role === 'assistant'
        ? lines * L.markdownLineHeight + breaks * L.paragraphGap
        : (lines + blank) * L.plainLineHeight
  }
  let extra = 0
  if (message?.status === 'stopped' || message?.status === 'interrupted') extra = L.actions
  else if (message?.status === 'error') extra = L.error
  if (message && message.status !== 'streaming') extra += L.toolbar
  return Math.round(L.verticalChrome + body + extra)
}

/**
 * Wrapped lines of text, blank lines, and paragraph breaks (runs of blank lines between
 * text), counted without splitting it: a reply can be megabytes.
 */
function countLines(text: string, perLine: number): { lines: number; blank: number; breaks: number } {
  let lines = 0
  let blank = 0
  let breaks = 0
  let inGap = false
  let start = 0
  for (;;) {
    const end = text.indexOf('\n', start)
    const length = (end === -1 ? text.length : end) - start
    if (length === 0) {
      blank++
      inGap = true
    } else {
      if (inGap && lines > 0) breaks++
      inGap = false
      lines += Math.ceil(length / perLine)
    }
    if (end === -1) return { lines, blank, breaks }
    start = end + 1
  }
}

interface Measured {
  height: number
  width: number
}

const SCROLLBAR_SLACK = 20

/** Enough for every row of many long conversations; the oldest entries go first past it. */
const MAX_ENTRIES = 50_000

export class RowHeights {
  private readonly measured = new Map<string, Measured>()
  private viewportWidth = 0

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  /** The scroll viewport's width now; heights measured at another width are guessed again. */
  setViewportWidth(width: number): void {
    if (width > 0) this.viewportWidth = width
  }

  /** Rows stop widening at maxWidth, so past it the viewport width does not change any height. */
  private rowWidth(): number {
    return Math.min(this.viewportWidth, ROW_LAYOUT.maxWidth)
  }

  /** The measured height when it still holds, else a guess from the text. */
  get(id: string, message: Estimated | undefined): number {
    const known = this.measured.get(id)
    // Within a scrollbar's width (which comes and goes with overflow) the wrapping rarely
    // changes, and a small error is corrected when the row is measured.
    if (known && Math.abs(known.width - this.rowWidth()) <= SCROLLBAR_SLACK) return known.height
    return estimateRowHeight(message, this.viewportWidth)
  }

  set(id: string, height: number): void {
    this.measured.delete(id)
    this.measured.set(id, { height, width: this.rowWidth() })
    if (this.measured.size > this.maxEntries) {
      const oldest = this.measured.keys().next().value
      if (oldest !== undefined) this.measured.delete(oldest)
    }
  }
}
