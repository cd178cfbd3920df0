/**
 * Deterministic chat content for seeding: user questions and replies that mix the
 * markdown a real chat has (emphasis, lists, tables, quotes, a little math) with fenced
 * code. Questions are a line; replies are one to four blocks. The same seed gives the same text.
 */

function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'stream token cache index buffer render layout frame socket query schema migration reply ' +
  'model prompt latency budget worker queue batch retry parser table column vector window ' +
  'signal harbor river copper amber falcon willow meadow lantern granite cobalt ember'
).split(' ')

export interface SeedMessage {
  role: 'user' | 'assistant'
  content: string
}

class Writer {
  private readonly next: () => number
  constructor(seed: number) {
    this.next = prng(seed)
  }
  int(max: number): number {
    return Math.floor(this.next() * max)
  }
  word(): string {
    return WORDS[this.int(WORDS.length)] as string
  }
  words(n: number): string {
    return Array.from({ length: n }, () => this.word()).join(' ')
  }
  sentence(): string {
    const s = this.words(6 + this.int(8))
    return `${s[0]?.toUpperCase()}${s.slice(1)}.`
  }

  question(): string {
    const forms = [
      () => `How do I make the ${this.word()} ${this.word()} faster when the ${this.word()} grows?`,
      () => `Why does \`${this.word()}()\` return an empty ${this.word()} here?`,
      () => `Can you explain ${this.words(3)} with a short example?`,
      () => `${this.sentence()} What would you change?`,
    ]
    return (forms[this.int(forms.length)] as () => string)()
  }

  reply(): string {
    const blocks = [
      () => `Here is how **${this.word()} ${this.word()}** works: the ${this.word()} step reads \`config.${this.word()}\` and then updates the _${this.word()}_. See [the guide](https://example.com/${this.word()}) for details.`,
      () => `Three things to check:\n\n- ${this.sentence()}\n- ${this.sentence()}\n- \`${this.word()}\` must stay below ${this.int(900) + 100}`,
      () =>
        `\`\`\`ts\nexport function ${this.word()}Count(input: string[]): number {\n  const ${this.word()} = input.filter(Boolean)\n  return ${this.word()}.length * ${this.int(9) + 1}\n}\n\`\`\``,
      () => `\`\`\`python\ndef ${this.word()}(rows):\n    total = 0\n    for row in rows:\n        total += row["${this.word()}"]\n    return total\n\`\`\``,
      () => `### ${this.words(3)}\n\n${this.sentence()} ${this.sentence()}`,
      () => `| name | value |\n|---|---:|\n| ${this.word()} | ${this.int(1000)} |\n| ${this.word()} | ${this.int(1000)} |`,
      () => `> ${this.sentence()}\n\n${this.sentence()}`,
      () => `The cost grows as $O(n \\log n)$ in the ${this.word()}, so ${this.sentence().toLowerCase()}`,
    ]
    const pick = () => (blocks[this.int(blocks.length)] as () => string)()
    // One to four blocks: real replies are mostly longer than the questions.
    return Array.from({ length: 1 + this.int(4) }, pick).join('\n\n')
  }
}

/**
 * `count` alternating messages, user first, so the last one (count even) is a reply.
 * The last message ends with `marker`, a plain word a benchmark can wait for.
 */
export function conversationMessages(count: number, seed: number, marker: string): SeedMessage[] {
  const w = new Writer(seed)
  const out: SeedMessage[] = []
  for (let i = 0; i < count; i++) {
    const role = i % 2 === 0 ? 'user' : 'assistant'
    out.push({ role, content: role === 'user' ? w.question() : w.reply() })
  }
  const last = out[out.length - 1]
  if (last) last.content = `${last.content}\n\nThat is all for now ${marker}`
  return out
}
