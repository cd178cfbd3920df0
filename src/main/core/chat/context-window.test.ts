import { describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../shared/errors'
import { estimateMessagesTokens } from '../../../shared/tokens'
import type { ChatTurn } from '../kernel/mistral/mistral-client'
import { fitToContext, type ContextLimit } from './context-window'

/** ~100 estimated tokens of text per turn. */
const text = (tag: string) => `${tag} ${'x'.repeat(340)}`
const turns: ChatTurn[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: text('q1') },
  { role: 'assistant', content: text('a1') },
  { role: 'user', content: text('q2') },
  { role: 'assistant', content: text('a2') },
  { role: 'user', content: text('q3') },
]
const total = estimateMessagesTokens(turns)
const limit = (over: Partial<ContextLimit>): ContextLimit => ({
  model: 'tiny-model',
  maxContextLength: total + 100,
  replyBudget: 100,
  trimToFit: false,
  ...over,
})

function thrown(fn: () => unknown): AppErrorException {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppErrorException) return err
    throw err
  }
  throw new Error('expected a throw')
}

describe('fitToContext', () => {
  it('passes turns that fit, and everything when the window is unknown', () => {
    expect(fitToContext(turns, limit({}))).toEqual(turns)
    expect(fitToContext(turns, limit({ maxContextLength: null, replyBudget: 10_000_000 }))).toEqual(turns)
  })

  it('refuses with too_large, naming the model and the sizes, when trimming was not asked for', () => {
    const err = thrown(() => fitToContext(turns, limit({ replyBudget: 101 })))
    expect(err.appError).toMatchObject({ code: 'too_large', retryable: false })
    expect(err.appError.message).toBe(
      `This conversation is longer than tiny-model's context window (~${total + 101} of ${total + 100} tokens). Trim the oldest turns to send.`,
    )
  })

  it('with trimToFit drops the oldest whole turns, keeping the system prompt and the new message', () => {
    const oneTurnLess = fitToContext(turns, limit({ replyBudget: 150, trimToFit: true }))
    expect(oneTurnLess.map((t) => t.content.split(' ')[0])).toEqual(['Be', 'q2', 'a2', 'q3'])
    const onlyNew = fitToContext(turns, limit({ maxContextLength: 300, trimToFit: true }))
    expect(onlyNew.map((t) => t.content.split(' ')[0])).toEqual(['Be', 'q3'])
  })

  it('never starts the kept history with a reply', () => {
    const noSystem = turns.slice(1)
    const kept = fitToContext(noSystem, limit({ maxContextLength: estimateMessagesTokens(noSystem) + 50, trimToFit: true }))
    expect(kept[0]?.role).toBe('user')
    expect(kept.at(-1)?.content).toBe(text('q3'))
  })

  it('refuses when even the new message alone does not fit', () => {
    const err = thrown(() => fitToContext(turns, limit({ maxContextLength: 150, trimToFit: true })))
    expect(err.appError.code).toBe('too_large')
    expect(err.appError.message).toMatch(/even without earlier turns/)
  })
})
