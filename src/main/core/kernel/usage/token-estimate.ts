/**
 * Token estimates for when the API reported no usage (a stream stopped or cut before
 * its last chunk). The prompt is counted the way Mistral's chat template lays it out
 * (mistral-common, tokenizer v7 "instruct" format):
 *   <s>[SYSTEM_PROMPT]system[/SYSTEM_PROMPT][INST]user[/INST]assistant</s>[INST]…[/INST]
 * i.e. one BOS, two control tokens around the system prompt and around every user turn,
 * and an EOS after every finished assistant turn. Each control token is one token.
 * Text is counted with `countText`, a tokenizer when one is given, else ~4 characters
 * per token (the row says `estimated` either way).
 */

export type CountText = (text: string) => number

/** Rough count: ~4 characters per token for Latin text, 1 per CJK or emoji code point. */
export const roughCount: CountText = (text) => {
  if (!text) return 0
  let wide = 0
  for (const ch of text) if (ch.codePointAt(0)! > 0x2e80) wide++
  return wide + Math.ceil((text.length - wide) / 4)
}

/** A turn's text, whether content is a string or an array of chunks ({type:'text', text}). */
export function turnText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((c) => (c && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string' ? (c as { text: string }).text : '')).join('')
}

export interface TemplateTurn {
  role: string
  content: unknown
  prefix?: boolean
}

export function promptTokens(turns: readonly TemplateTurn[], count: CountText = roughCount): number {
  let tokens = 1 // <s>
  turns.forEach((t, i) => {
    const text = count(turnText(t.content))
    if (t.role === 'system') tokens += text + 2
    else if (t.role === 'user' || t.role === 'tool') tokens += text + 2
    // A prefix (or the last) assistant turn is open: no </s> after it.
    else if (t.role === 'assistant') tokens += text + (t.prefix || i === turns.length - 1 ? 0 : 1)
  })
  return tokens
}
