// Deterministic reply text: it depends only on the request, so tests can
// compare a streamed reply with a non-streamed one, and runs are repeatable.

/** `[sim tokens=N rate=R reply=B64 chunk=TYPE]` in the last user message; every attribute may be left out. */
export interface Directive {
  tokens?: number
  rate?: number
  /** The exact reply text (UTF-8, base64 in the directive), e.g. markdown a renderer test needs. */
  reply?: string
  /** `chunk=TYPE`: one content chunk of a type the spec does not know, to test clients' tolerance. */
  chunk?: string
}

const DIRECTIVE = /\[sim((?:\s+[a-z]+=[A-Za-z0-9.+/_=-]+)*)\s*\]/gi

export function parseDirective(text: string): Directive {
  const out: Directive = {}
  for (const match of text.matchAll(DIRECTIVE)) {
    for (const [, rawKey, value = ''] of (match[1] ?? '').matchAll(/([a-z]+)=(\S+)/gi)) {
      const key = rawKey?.toLowerCase()
      if (key === 'reply') {
        out.reply = Buffer.from(value, 'base64').toString('utf8')
        continue
      }
      if (key === 'chunk') {
        out.chunk = value
        continue
      }
      const n = Number(value)
      if (!Number.isFinite(n) || n < 0) continue
      if (key === 'tokens') out.tokens = Math.floor(n)
      if (key === 'rate') out.rate = n
    }
  }
  return out
}

/** Message content is a string, null, or an array of chunks; only text chunks count. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((chunk: unknown) => {
      if (typeof chunk !== 'object' || chunk === null) return ''
      const c = chunk as { type?: unknown; text?: unknown }
      return c.type === 'text' && typeof c.text === 'string' ? c.text : ''
    })
    .join('')
}

/** FNV-1a, 32 bit. */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** mulberry32: tiny, seedable, identical on every platform. */
function prng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FILLER = (
  'the wind carries a quiet signal across open water while patient engineers measure ' +
  'every small change in light and sound before writing careful notes about models ' +
  'tokens streams latency mistral river mountain lantern harbor orchard meadow copper ' +
  'silver granite velvet amber cobalt ember falcon willow thunder'
).split(' ')

export const ECHO_CHARS = 60

export interface ReplyInput {
  lastUserText: string
  /** Everything that should change the filler words, e.g. the whole conversation. */
  seed: string
  tokens: number
  /** Content of a trailing `prefix: true` assistant message: the service's reply repeats it first. */
  prefix?: string
  /** `[sim reply=…]`: the reply is exactly this text; `tokens` is then ignored. */
  reply?: string
}

/**
 * One token per streamed chunk: a word plus a space, the last token ending
 * with a full stop. Cutting the list (max_tokens) gives a prefix of the same text.
 */
export function replyTokens(input: ReplyInput): string[] {
  if (input.reply !== undefined) return scriptedTokens(input.reply, input.prefix)
  if (input.tokens <= 0) return []
  const echo = input.lastUserText.replace(DIRECTIVE, ' ').replace(/\s+/g, ' ').trim().slice(0, ECHO_CHARS).trim()
  const words = [...(input.prefix ? [input.prefix] : []), 'Echo:', ...echo.split(' ').filter(Boolean)]
  const next = prng(hash32(input.seed))
  while (words.length < input.tokens) words.push(FILLER[Math.floor(next() * FILLER.length)] ?? 'lorem')
  const chosen = words.slice(0, input.tokens).map((word) => word.trimEnd())
  return chosen.map((word, i) => (i === chosen.length - 1 ? `${word}.` : `${word} `))
}

/** A scripted reply, one word with the whitespace after it per token, so joining the tokens gives it back. */
function scriptedTokens(reply: string, prefix: string | undefined): string[] {
  const words = reply.match(/\s*\S+\s*|\s+/g) ?? []
  return prefix ? [prefix, ...words] : words
}

/** A stand-in for a tokenizer: about four characters per token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4)
}
