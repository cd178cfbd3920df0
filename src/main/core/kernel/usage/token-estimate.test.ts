import { describe, expect, it } from 'vitest'
import { promptTokens, roughCount, turnText } from './token-estimate'

const one = () => 1

describe('the chat template count', () => {
  it('counts <s>, the system and [INST] pairs and </s> after finished assistant turns', () => {
    const turns = [
      { role: 'system', content: 's' },
      { role: 'user', content: 'u1' },
      { role: 'assistant', content: 'a1' },
      { role: 'user', content: 'u2' },
    ]
    // 1 BOS + (1+2) system + (1+2) user + (1+1) assistant + (1+2) user
    expect(promptTokens(turns, one)).toBe(1 + 3 + 3 + 2 + 3)
  })

  it('an open (prefix) assistant turn has no </s>', () => {
    expect(promptTokens([{ role: 'user', content: 'u' }, { role: 'assistant', content: 'a', prefix: true }], one)).toBe(1 + 3 + 1)
  })

  it('reads content arrays', () => {
    expect(turnText([{ type: 'text', text: 'a' }, { type: 'image_url' }, { type: 'text', text: 'b' }])).toBe('ab')
    expect(turnText(null)).toBe('')
  })

  it('the rough count treats CJK and emoji as a token each', () => {
    expect(roughCount('abcdefgh')).toBe(2)
    expect(roughCount('你好')).toBe(2)
    expect(roughCount('')).toBe(0)
  })
})
