import { describe, expect, it } from 'vitest'
import { chatParamsSchema } from '../../../../../shared/contract'
import { parseSettingsForm, parseStop, toFormValues, type SettingsFormValues } from './settings-form'

const blank: SettingsFormValues = toFormValues({ systemPrompt: '', params: {} })

describe('conversation settings form', () => {
  it('leaves empty fields unset', () => {
    expect(parseSettingsForm(blank)).toEqual({ settings: { systemPrompt: '', params: {} } })
  })

  it('parses every field into what the contract accepts', () => {
    const result = parseSettingsForm({
      ...blank,
      systemPrompt: 'Be brief',
      temperature: '0.3',
      topP: '0.9',
      maxTokens: '50',
      randomSeed: '7',
      stop: 'END, STOP\n###',
      presencePenalty: '-0.5',
      frequencyPenalty: '1',
      safePrompt: true,
    })
    const params = {
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 50,
      randomSeed: 7,
      stop: ['END', 'STOP', '###'],
      presencePenalty: -0.5,
      frequencyPenalty: 1,
      safePrompt: true,
    }
    expect(result).toEqual({ settings: { systemPrompt: 'Be brief', params } })
    expect(chatParamsSchema.safeParse(params).success).toBe(true)
  })

  it('names the field and its range when a value is out of range', () => {
    const result = parseSettingsForm({ ...blank, temperature: '2', maxTokens: '1.5', topP: 'abc' })
    expect(result).toEqual({
      errors: {
        temperature: 'Temperature must be a number from 0 to 1.5.',
        maxTokens: 'Max tokens must be a whole number from 1 to 1,000,000.',
        topP: 'Top P must be a number from 0 to 1.',
      },
    })
    expect(parseSettingsForm(blank, new Set(['randomSeed']))).toHaveProperty('errors.randomSeed')
  })

  it('round-trips saved settings through the form', () => {
    const settings = { systemPrompt: 'x', params: { temperature: 0.5, stop: ['a', 'b'] } }
    expect(parseSettingsForm(toFormValues(settings))).toEqual({ settings })
    expect(parseStop(' ,a,,\n b ')).toEqual(['a', 'b'])
  })
})
