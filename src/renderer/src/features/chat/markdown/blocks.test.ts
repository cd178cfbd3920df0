import { describe, expect, it } from 'vitest'
import { createBlockSplitter, splitBlocks } from './blocks'

const REPLY = [
  '# Plan',
  '',
  'Intro with **bold**, `code`, $x^2$ and a [link](https://example.com).',
  'Second line of the same paragraph.',
  '',
  '1. first',
  '2. second',
  '',
  '   continued under second',
  '',
  '- [x] done',
  '- [ ] todo',
  '',
  '| a | b |',
  '|---|:-:|',
  '| 1 | 2 |',
  '',
  '```ts',
  'const x = 1',
  '',
  'function f() {}',
  '```',
  '',
  '> quoted',
  '> still quoted',
  '',
  '$$',
  '\\int_0^1 x\\,dx',
  '$$',
  '',
  '\\[ a^2 + b^2 = c^2 \\]',
  '',
  'Setext heading',
  '==============',
  '',
  '    indented code',
  '',
  '[ref]: https://example.org/ref',
  '',
  'See [the ref][ref].',
  '',
  '---',
  '',
  '<div>raw html</div>',
  '',
  'Last words,',
  'in two lines.',
  '',
].join('\n')

// Constructs whose block boundaries depend on what follows (setext, tables, lazy lines, fences in lists).
const TRICKY = [
  'Heading\n---\nText\n| x | y |\n| - | - |\n| 1 | 2 |\nlazy\n\n> quote\nlazy continuation\n\n- item\n  ```js\n  code\n  ```\n- next\n\n',
  '1. a\n\n2. b\n\n3. c\n\n- x\n\n- y\n\n> q\n\n> r\n\n> s\n--\n---\npara\n===\ntext\n| a |\n|---|\n| 1 |\n\n***\n\n* z',
  '<details>\n<summary>Hi</summary>\n\nbody\n</details>\n\nafter $$\na\n$$ and \\(b\\)\n\n1. \n2. two\n\n~~~\nfence ``` inside\n~~~\nend',
]

describe('splitBlocks', () => {
  it('splits top-level blocks and keeps every character', () => {
    const { stable, tail } = splitBlocks(REPLY)
    expect(stable.join('') + tail).toBe(REPLY)
    expect(stable[0]).toBe('# Plan\n\n')
    expect(stable[1]).toMatch(/^Intro[\s\S]*paragraph\.\n\n$/)
    expect(stable).toContain('```ts\nconst x = 1\n\nfunction f() {}\n```\n\n')
    expect(stable).toContain('| a | b |\n|---|:-:|\n| 1 | 2 |\n\n')
    expect(tail).toBe('Last words,\nin two lines.\n')
  })

  it('keeps a list with a continuation paragraph in one block', () => {
    const { stable } = splitBlocks(REPLY)
    expect(stable).toContain('1. first\n2. second\n\n   continued under second\n\n')
  })

  it('treats an unclosed code fence as the growing tail', () => {
    const text = 'Here is code:\n\n```py\ndef f():\n\n    return 1\n'
    const { stable, tail } = splitBlocks(text)
    expect(stable).toEqual(['Here is code:\n\n'])
    expect(tail).toBe('```py\ndef f():\n\n    return 1\n')
  })

  it('the last block stays the tail even when it looks finished', () => {
    expect(splitBlocks('One.\n\nTwo.\n\n')).toEqual({ stable: ['One.\n\n'], tail: 'Two.\n\n', defs: '' })
  })

  it('finishes a block only when two more lines are complete after it', () => {
    // "2" could still become "2." and join the list; "Text" could still become a heading ("Text\n---").
    expect(splitBlocks('1. a\n\n2')).toEqual({ stable: [], tail: '1. a\n\n2', defs: '' })
    expect(splitBlocks('1. a\n\nText\n-')).toEqual({ stable: [], tail: '1. a\n\nText\n-', defs: '' })
    expect(splitBlocks('1. a\n\nText\nmore\n')).toEqual({ stable: ['1. a\n\n'], tail: 'Text\nmore\n', defs: '' })
  })

  it('handles empty text, blank lines only, and leading blank lines', () => {
    expect(splitBlocks('')).toEqual({ stable: [], tail: '', defs: '' })
    expect(splitBlocks('\n\n')).toEqual({ stable: [], tail: '\n\n', defs: '' })
    expect(splitBlocks('\n\nA\n\nB\nC\n')).toEqual({ stable: ['\n\nA\n\n'], tail: 'B\nC\n', defs: '' })
  })

  it('keeps what marked trims at the end in the tail (an empty list item)', () => {
    for (const text of ['A\n\n1. ', 'A\n\nB\n\n- ', '- ']) {
      const { stable, tail } = splitBlocks(text)
      expect(stable.join('') + tail).toBe(text)
    }
  })

  it('normalizes CRLF line ends', () => {
    const { stable, tail } = splitBlocks('A\r\n\r\nB\r\nC\r\n')
    expect(stable).toEqual(['A\n\n'])
    expect(tail).toBe('B\nC\n')
  })

  it('collects link definitions from finished blocks only', () => {
    expect(splitBlocks(REPLY).defs).toBe('[ref]: https://example.org/ref')
    expect(splitBlocks('See [x][1].\n\n[1]: https://a.example').defs).toBe('')
  })
})

describe('createBlockSplitter', () => {
  it.each([REPLY, ...TRICKY])('streamed one character at a time, agrees with splitting from scratch (%#)', (doc) => {
    const split = createBlockSplitter()
    for (let end = 0; end <= doc.length; end++) {
      const text = doc.slice(0, end)
      expect(split(text), `after ${end} characters`).toEqual(splitBlocks(text))
    }
  })

  it.each([REPLY, ...TRICKY])('never changes a finished block while the text grows (%#)', (doc) => {
    let finished: readonly string[] = []
    for (let end = 0; end <= doc.length; end++) {
      const { stable, tail } = splitBlocks(doc.slice(0, end))
      expect(stable.slice(0, finished.length), `after ${end} characters`).toEqual(finished)
      expect(stable.join('') + tail).toBe(doc.slice(0, end))
      finished = stable
    }
  })

  it('keeps the same stable array while only the tail grows', () => {
    const split = createBlockSplitter()
    const a = split('Para one.\n\nPara two\nand three\nand f')
    const b = split('Para one.\n\nPara two\nand three\nand four')
    expect(a.stable).toEqual(['Para one.\n\n'])
    expect(b.stable).toBe(a.stable)
    expect(b.tail).toBe('Para two\nand three\nand four')
  })

  it('starts over when the text is replaced rather than extended', () => {
    const split = createBlockSplitter()
    split('Old one.\n\nOld two.')
    expect(split('New.\n\nText')).toEqual(splitBlocks('New.\n\nText'))
  })
})

describe('random documents, streamed', () => {
  // Lines that change the meaning of lines around them; a seeded generator keeps runs repeatable.
  const LINES = ['', '', '', 'para text', 'lazy', '- a', '- ', '1. x', '2. y', '2', '> q', '>', '```', '```js', '~~~', '    code',
    '  indented', '   continued', '| a | b |', '|---|---|', '| 1 | 2 |', '===', '---', '* s', '$$', 'E=mc^2', '\\[', '\\]',
    '$$ x', 'y $$', '[r]: https://x.y', '<div>', '</pre>', '# h', '- [ ] t', '  - nested', 'a\\']

  it('splitting incrementally always agrees with splitting from scratch, and finished blocks stay finished', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    for (let n = 0; n < 150; n++) {
      const doc = Array.from({ length: 4 + Math.floor(random() * 12) }, () => LINES[Math.floor(random() * LINES.length)]).join('\n')
      const split = createBlockSplitter()
      let finished: readonly string[] = []
      for (let end = 0; end <= doc.length; end++) {
        const text = doc.slice(0, end)
        const fresh = splitBlocks(text)
        expect(split(text), JSON.stringify(text)).toEqual(fresh)
        expect(fresh.stable.slice(0, finished.length), JSON.stringify(text)).toEqual(finished)
        finished = fresh.stable
      }
    }
  })
})
