import { describe, expect, it } from 'vitest'
import { estimateMessagesTokens } from '../../../../../shared/tokens'
import { contextBudget, DEFAULT_REPLY_RESERVE } from './context-budget'

describe('context budget', () => {
  it('counts the system prompt, the thread and the draft, and leaves blanks out', () => {
    const thread = [{ content: 'Hello there' }, { content: 'Echo: Hello there' }]
    const threadTokens = estimateMessagesTokens(thread)
    const budget = contextBudget({ systemPrompt: 'Be brief', threadTokens, draft: 'Next', maxContextLength: 1000 })
    expect(budget.used).toBe(estimateMessagesTokens([{ content: 'Be brief' }, ...thread, { content: 'Next' }]))
    expect(contextBudget({ systemPrompt: '  ', threadTokens: 0, draft: '', maxContextLength: 1000 }).used).toBe(0)
  })

  it('keeps max tokens, or a default, free for the reply', () => {
    const draft = 'x'.repeat(3500) // 1000 tokens, plus 4 for the message
    const base = { systemPrompt: '', threadTokens: 0, draft }
    expect(contextBudget({ ...base, maxContextLength: 2100 })).toMatchObject({ reserve: DEFAULT_REPLY_RESERVE, fits: true })
    expect(contextBudget({ ...base, maxContextLength: 2000 }).fits).toBe(false)
    expect(contextBudget({ ...base, maxContextLength: 2000, maxTokens: 50 }).fits).toBe(true)
  })
})
