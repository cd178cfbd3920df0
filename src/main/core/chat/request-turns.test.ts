import { describe, expect, it } from 'vitest'
import type { StoredMessage } from '../conversations/messages-repo'
import { endsWithUser, requestTurns, titleFrom } from './request-turns'

const m = (seq: number, role: StoredMessage['role'], content: string, status: StoredMessage['status'] = 'complete'): StoredMessage => ({
  id: `m${seq}`,
  conversationId: 'c',
  parentId: seq > 1 ? `m${seq - 1}` : null,
  seq,
  role,
  content,
  status,
  model: null,
  finishReason: null,
  error: null,
  createdAt: 0,
})

describe('requestTurns', () => {
  it('keeps the path, skipping empty or streaming replies', () => {
    const path = [
      m(1, 'user', 'q1'),
      m(2, 'assistant', '', 'error'),
      m(3, 'user', 'q2'),
      m(4, 'assistant', 'partial', 'stopped'),
      m(5, 'user', 'q3'),
      m(6, 'assistant', 'live', 'streaming'),
    ]
    expect(requestTurns('', path)).toEqual([
      { role: 'user', content: 'q1' },
      { role: 'user', content: 'q2' },
      { role: 'assistant', content: 'partial' },
      { role: 'user', content: 'q3' },
    ])
  })

  it('puts a non-blank system prompt first, verbatim', () => {
    expect(requestTurns('  Be brief.\n', [m(1, 'user', 'q')])).toEqual([
      { role: 'system', content: '  Be brief.\n' },
      { role: 'user', content: 'q' },
    ])
    expect(requestTurns(' \n ', [m(1, 'user', 'q')])).toEqual([{ role: 'user', content: 'q' }])
  })

  it('endsWithUser tells whether Mistral can answer the turns', () => {
    expect(endsWithUser([{ role: 'user', content: 'q' }])).toBe(true)
    expect(endsWithUser([{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }])).toBe(false)
    expect(endsWithUser([{ role: 'system', content: 's' }])).toBe(false)
    expect(endsWithUser([])).toBe(false)
  })
})

describe('titleFrom', () => {
  it('uses the first ~60 characters, trimmed and on one line', () => {
    expect(titleFrom('  Hello\n  world  ')).toBe('Hello world')
    const long = 'Explain how the streaming coalescer batches deltas into frames for the renderer please'
    const title = titleFrom(long)
    expect(title.length).toBeLessThanOrEqual(61)
    expect(title.endsWith('…')).toBe(true)
    expect(long.startsWith(title.slice(0, -1))).toBe(true)
    expect(titleFrom('   ')).toBe('New chat')
    expect(titleFrom('x'.repeat(100))).toBe(`${'x'.repeat(60)}…`)
  })
})
