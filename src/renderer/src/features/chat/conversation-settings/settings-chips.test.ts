import { describe, expect, it } from 'vitest'
import { activeChips } from './SettingsChips'

describe('active settings chips', () => {
  it('shows the system prompt and every parameter set, nothing for defaults', () => {
    expect(activeChips('', {})).toEqual([])
    expect(activeChips('  Be brief ', { maxTokens: 12, temperature: 0.3, safePrompt: true })).toEqual([
      'System prompt',
      'Temperature 0.3',
      'Max tokens 12',
      'Safe prompt on',
    ])
  })
})
