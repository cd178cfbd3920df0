import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/temp-dir'
import { checkDataset } from './dataset-checker'
import { checkLine } from './dataset-rules'

let cleanup: (() => void) | null = null
afterEach(() => cleanup?.())
function file(lines: string[]): string {
  const tmp = makeTempDir()
  cleanup = tmp.cleanup
  const p = path.join(tmp.dir, 'data.jsonl')
  fs.writeFileSync(p, lines.join('\n') + '\n')
  return p
}

const good = (q = 'What is 2+2?', a = 'Four.') => JSON.stringify({ messages: [{ role: 'user', content: q }, { role: 'assistant', content: a }] })
const toolLine = (id: string) =>
  JSON.stringify({
    messages: [
      { role: 'user', content: 'weather?' },
      { role: 'assistant', tool_calls: [{ id, type: 'function', function: { name: 'weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: id, content: 'sunny' },
      { role: 'assistant', content: 'Sunny.' },
    ],
  })

describe('dataset rules', () => {
  it('accepts good conversations, with a system prompt and tool calls', () => {
    expect(checkLine(good()).problem).toBeNull()
    expect(checkLine(toolLine('abcDEF123')).problem).toBeNull()
    const sys = JSON.stringify({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'hi' }, { role: 'assistant', content: 'Hi.' }] })
    expect(checkLine(sys)).toEqual({ problem: null, chars: 9 + 2 + 3 })
  })

  it('names what is wrong with a bad line', () => {
    expect(checkLine('{"messages": [').problem).toMatch(/^Not valid JSON/)
    expect(checkLine('[1]').problem).toMatch(/JSON object/)
    expect(checkLine('{"prompt":"x"}').problem).toMatch(/Missing "messages"/)
    expect(checkLine(JSON.stringify({ messages: [{ role: 'user', content: 'only a question' }] })).problem).toMatch(/No assistant message/)
    expect(checkLine(JSON.stringify({ messages: [{ role: 'assistant', content: 'x' }] })).problem).toMatch(/start with a user message/)
    expect(checkLine(JSON.stringify({ messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }, { role: 'assistant', content: 'c' }] })).problem).toMatch(/two user messages/)
    expect(checkLine(JSON.stringify({ messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: 'b' }, { role: 'system', content: 'c' }] })).problem).toMatch(/system message may only come first/)
    expect(checkLine(JSON.stringify({ messages: [{ role: 'bot', content: 'a' }] })).problem).toMatch(/role "bot"/)
    expect(checkLine(toolLine('call_1')).problem).toMatch(/must be 9 letters or digits/)
    const unanswered = JSON.stringify({ messages: [{ role: 'user', content: 'a' }, { role: 'assistant', tool_calls: [{ id: 'abcDEF123', function: { name: 'f' } }] }, { role: 'user', content: 'b' }] })
    expect(checkLine(unanswered).problem).toMatch(/have no tool answer/)
  })
})

describe('checkDataset', () => {
  it('lists bad lines by number with a snippet, counts tokens of the good ones', async () => {
    const p = file([good(), '{"messages": [', good('q', 'a'), JSON.stringify({ messages: [{ role: 'user', content: 'no answer' }] }), ''])
    const report = await checkDataset(p)
    expect(report).toMatchObject({ lines: 5, validLines: 2, badLines: 3, errorsTruncated: false })
    expect(report.errors.map((e) => e.line)).toEqual([2, 4, 5])
    expect(report.errors[0]).toMatchObject({ snippet: '{"messages": [' })
    expect(report.estimatedTokens).toBe(Math.ceil((12 + 5 + 1 + 1) / 4))
    expect(report.bytes).toBe(fs.statSync(p).size)
  })

  it('keeps the first 200 errors but counts all, and skips an over-long line without holding it', async () => {
    const p = file([...Array.from({ length: 250 }, () => 'nope'), 'x'.repeat(5000), good()])
    const report = await checkDataset(p, { maxLineBytes: 1000 })
    expect(report).toMatchObject({ lines: 252, validLines: 1, badLines: 251, errorsTruncated: true })
    expect(report.errors).toHaveLength(200)
    const long = await checkDataset(file(['x'.repeat(5000), good()]), { maxLineBytes: 1000 })
    expect(long.errors[0]).toMatchObject({ line: 1, message: 'Line too long to be a training example.', snippet: '' })
  })

  it('handles CRLF line ends and a file without a final newline', async () => {
    const tmp = makeTempDir()
    cleanup = tmp.cleanup
    const p = path.join(tmp.dir, 'crlf.jsonl')
    fs.writeFileSync(p, `${good()}\r\n${good()}`)
    expect(await checkDataset(p)).toMatchObject({ lines: 2, validLines: 2 })
  })
})
