/**
 * Splits a message into top-level markdown blocks for incremental rendering: while a reply
 * streams, the finished blocks are rendered once, and only the growing tail is parsed again.
 * Pure, so it runs in Node tests.
 */
import { lexBlocks } from './parser'

export interface Blocks {
  /** Finished blocks, each with the blank lines after it. Appending text does not change them. */
  stable: readonly string[]
  /** The rest, which may still grow or merge (an unclosed code fence stays here until it closes). */
  tail: string
  /** Link reference definitions ("[1]: https://…") among the stable blocks, for `[text][1]` elsewhere. */
  defs: string
}

/** Blocks, plus what extending them needs: the definition (or '') each stable block is, and their length. */
interface Split extends Blocks {
  stableDefs: readonly string[]
  stableLength: number
}

const EMPTY: Split = { stable: [], tail: '', defs: '', stableDefs: [], stableLength: 0 }

/** marked turns \r\n into \n before lexing; doing it first keeps block text and offsets aligned. */
function normalize(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

export function splitBlocks(text: string): Blocks {
  return publicBlocks(split(normalize(text)))
}

function publicBlocks({ stable, tail, defs }: Split): Blocks {
  return { stable, tail, defs }
}

function split(text: string): Split {
  if (text === '') return EMPTY
  const blocks: string[] = []
  const defs: string[] = []
  let leading = ''
  for (const token of lexBlocks(text)) {
    if (token.type === 'space') {
      // Blank lines belong to the block before them (or, at the very start, to the first block).
      if (blocks.length > 0) blocks[blocks.length - 1] += token.raw
      else leading += token.raw
      continue
    }
    blocks.push(leading + token.raw)
    defs.push(token.type === 'def' ? token.raw.trim() : '')
    leading = ''
  }
  // The last block may grow, and until two more lines are complete after a block, what follows
  // it is still open and may merge back into it: "2" becomes "2." and joins the list above; a
  // second line "--" or "|---|" turns lines into a heading, a lazy quote line or a table.
  let finished = blocks.length - 1
  let end = blocks.slice(0, finished).join('').length
  while (finished > 0 && lineBreaks(text, end) < 2) {
    finished -= 1
    end -= blocks[finished]?.length ?? 0
  }
  const stable = blocks.slice(0, finished)
  const stableText = stable.join('')
  // The tail is the rest of the text, not marked's raw, which drops trailing spaces of an empty
  // list item at the very end ("1. "). Should finished blocks ever disagree with the text, all of it is the tail.
  if (!text.startsWith(stableText)) return { ...EMPTY, tail: text }
  const stableDefs = defs.slice(0, finished)
  return {
    stable,
    tail: text.slice(stableText.length),
    defs: joinDefs(stableDefs),
    stableDefs,
    stableLength: stableText.length,
  }
}

function lineBreaks(text: string, from: number): number {
  let count = 0
  for (let i = text.indexOf('\n', from); i !== -1 && count < 2; i = text.indexOf('\n', i + 1)) count++
  return count
}

function joinDefs(defs: readonly string[]): string {
  return defs.filter(Boolean).join('\n')
}

/**
 * splitBlocks with memory: when the text only grew (a streaming reply), it lexes from the
 * last finished block instead of from the top, and keeps the same `stable` array when no
 * block finished. Any other change is split from scratch.
 */
export function createBlockSplitter(): (text: string) => Blocks {
  let previous: { text: string; split: Split; blocks: Blocks } | null = null
  return (input) => {
    const text = normalize(input)
    if (previous?.text === text) return previous.blocks
    const next = (previous && text.startsWith(previous.text) && extend(previous.split, text)) || split(text)
    previous = { text, split: next, blocks: publicBlocks(next) }
    return previous.blocks
  }
}

/**
 * The lexer looks at the block before the one it reads (a paragraph can absorb lines, an HTML
 * block can end differently), so re-lex from the last finished block, as context, and trust
 * the result only if that block comes out the same.
 */
function extend(before: Split, text: string): Split | null {
  const context = before.stable[before.stable.length - 1]
  if (context === undefined) return null
  const from = before.stableLength - context.length
  const more = split(text.slice(from))
  if (more.stable[0] !== context) return null
  if (more.stable.length === 1) return { ...before, tail: more.tail }
  const stableDefs = [...before.stableDefs, ...more.stableDefs.slice(1)]
  return {
    stable: [...before.stable, ...more.stable.slice(1)],
    tail: more.tail,
    defs: joinDefs(stableDefs),
    stableDefs,
    stableLength: from + more.stableLength,
  }
}
