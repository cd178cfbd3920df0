// The simulator's default replies: realistic assistant answers, so the demo reads
// like a chat with a model and not like filler. The choice depends only on the
// request (a hash of the conversation), so a reply is repeatable and a streamed
// reply equals the non-streamed one.

interface Answer {
  /** Words in the prompt that make this the natural answer. */
  topics: RegExp
  text: (subject: string) => string
}

const ANSWERS: readonly Answer[] = [
  {
    topics: /\b(table|compare|comparison|versus|vs\.?)\b/i,
    text: (subject) =>
      `Here is a side-by-side comparison for **${subject}**.\n\n` +
      '| Option | Strengths | Trade-offs |\n|---|---|---|\n' +
      '| Small model | Fast, cheap, good for routing and extraction | Less depth on hard reasoning |\n' +
      '| Medium model | Balanced quality and latency | Costs more per token |\n' +
      '| Large model | Best on complex, multi-step tasks | Slowest and most expensive |\n\n' +
      'Start with the smallest option that meets your quality bar, then move up only where you measure a gap.',
  },
  {
    topics: /\b(code|function|typescript|javascript|python|script|program|implement|snippet)\b/i,
    text: (subject) =>
      `Here is a small, self-contained example for **${subject}**.\n\n` +
      '```ts\n/** Splits a list into chunks of at most `size` items. */\nexport function chunk<T>(items: readonly T[], size: number): T[][] {\n' +
      "  if (size < 1) throw new RangeError('size must be at least 1')\n  const out: T[][] = []\n" +
      '  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))\n  return out\n}\n```\n\n' +
      '### How it works\n\n1. It checks the size once, up front.\n2. It walks the list in steps of `size`.\n' +
      '3. `slice` copies each window, so the input is never changed.\n\nThe function is pure, so it is easy to test.',
  },
  {
    topics: /\b(math|equation|formula|integral|derivative|calculate|probability|proof)\b/i,
    text: (subject) =>
      `Let us work through **${subject}** step by step.\n\n` +
      'For a quadratic $ax^2 + bx + c = 0$ with $a \\neq 0$, the roots are\n\n' +
      '$$x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}$$\n\n' +
      '- If $b^2 - 4ac > 0$ there are two real roots.\n- If it equals $0$ there is one repeated root.\n' +
      '- If it is negative the roots are complex conjugates.\n\nSubstitute your coefficients and simplify.',
  },
  {
    topics: /\b(plan|steps|how do i|how to|guide|checklist)\b/i,
    text: (subject) =>
      `## A plan for ${subject}\n\n` +
      '1. **Define the goal.** Write one sentence that says what done looks like.\n' +
      '2. **Gather what you need.** List the inputs, people and tools before you start.\n' +
      '3. **Do the smallest useful step.** Ship something you can check.\n' +
      '4. **Review and adjust.** Compare the result with the goal and change course early.\n\n' +
      '> Tip: keep each step small enough to finish in a day.',
  },
]

const GENERAL: readonly ((subject: string) => string)[] = [
  (subject) =>
    `Good question. Here is an overview of **${subject}**.\n\n` +
    '## Key points\n\n- **Context matters.** The right answer depends on your constraints: time, budget and scale.\n' +
    '- **Start simple.** A plain solution you understand beats a clever one you cannot maintain.\n' +
    '- **Measure.** Decide how you will know it works before you begin.\n\n' +
    'If you tell me more about your situation, I can give a more specific recommendation.',
  (subject) =>
    `Here is what I would keep in mind about **${subject}**.\n\n` +
    '### In short\n\nThere is no single right answer, but a few principles hold almost everywhere:\n\n' +
    '1. Be clear about the problem you are solving.\n2. Prefer options that are easy to undo.\n' +
    '3. Write down your assumptions so you can revisit them.\n\nWould you like me to go deeper on any of these?',
  (subject) =>
    `Happy to help with **${subject}**.\n\n` +
    'The most useful way to think about it is in three layers:\n\n' +
    '- **What** you want to achieve,\n- **how** you will get there, and\n- **why** it is worth doing now.\n\n' +
    'Answering those three questions usually makes the next step obvious.',
]

const SUBJECT_CHARS = 48

/** The prompt's gist for use inside an answer: first line, no directive, no trailing punctuation. */
export function subjectOf(prompt: string): string {
  const line = prompt.replace(/\[sim[^\]]*\]/gi, ' ').replace(/\s+/g, ' ').trim()
  const cut = line.length > SUBJECT_CHARS ? `${line.slice(0, SUBJECT_CHARS).replace(/\s+\S*$/, '')}…` : line
  return cut.replace(/[?.!:;,]+$/, '') || 'your question'
}

/** A realistic markdown answer to the prompt; `pick` is a request hash so the choice is stable. */
export function demoAnswer(prompt: string, pick: number): string {
  const subject = subjectOf(prompt)
  const topical = ANSWERS.find((a) => a.topics.test(prompt))
  if (topical) return topical.text(subject)
  return (GENERAL[pick % GENERAL.length] ?? GENERAL[0]!)(subject)
}

const STOP_WORDS = new Set(
  'a an the and or of to in on for with about me my i you your please can could would what how why is are be do tell give write explain'.split(' '),
)

/** A short sensible title (at most six words) for the conversation excerpt a title request carries. */
export function demoTitle(excerpt: string): string {
  const userLine = /User:\s*(.+)/i.exec(excerpt)?.[1] ?? excerpt
  const words = subjectOf(userLine)
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP_WORDS.has(w.toLowerCase()))
    .slice(0, 5)
  if (words.length === 0) return 'New conversation'
  const title = words.join(' ')
  return title.charAt(0).toUpperCase() + title.slice(1)
}

/** Title requests from clients (ours among them) ask for "a title" in the system or last message. */
export function isTitleRequest(texts: readonly string[]): boolean {
  return texts.some((t) => /\b(a|short)\s+title\b/i.test(t) && /\btitle\b.*\b(words?|conversation|chat)\b/i.test(t))
}
