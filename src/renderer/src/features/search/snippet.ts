/**
 * Search snippets mark hits with U+E000 … U+E001 (never HTML), so they are split into
 * text parts here and rendered as React text and <mark> elements: nothing is parsed as markup.
 */
export interface SnippetPart {
  text: string
  hit: boolean
}

const OPEN = '\uE000'
const CLOSE = '\uE001'

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  let hit = false
  let text = ''
  const flush = () => {
    if (text) parts.push({ text, hit })
    text = ''
  }
  for (const ch of snippet) {
    if (ch === OPEN || ch === CLOSE) {
      flush()
      hit = ch === OPEN
    } else {
      text += ch
    }
  }
  flush()
  return parts
}
