import { describe, expect, it } from 'vitest'
import type { ModelSummary } from '../../../shared/domain'
import { aliasResolutions, pinAdvice, warningFor } from './pin-advice'

const NOW = Date.parse('2026-12-02T00:00:00Z')
const model = (id: string, extra: Partial<ModelSummary> = {}): ModelSummary => ({
  id,
  name: id,
  description: '',
  maxContextLength: 32768,
  aliases: [],
  capabilities: { chat: true, functionCalling: false, vision: false, reasoning: false, fim: false, ocr: false },
  defaultTemperature: 0.7,
  deprecated: false,
  ...extra,
})

describe('pin advice', () => {
  it('warns for a model retiring within 60 days even before it is marked deprecated, counting days', () => {
    const soon = model('x-2501', { retiresAt: '2027-01-15T00:00:00.000Z', replacement: 'x-latest' })
    expect(warningFor(soon, NOW)).toMatchObject({ kind: 'retiring', daysLeft: 44, replacement: 'x-latest' })
    expect(warningFor(model('x-2501', { retiresAt: '2027-03-15T00:00:00.000Z' }), NOW)).toBeNull()
    expect(warningFor(model('x-2501', { deprecated: true, retiresAt: null }), NOW)?.message).toBe('x-2501 is deprecated.')
    const past = warningFor(model('x-2401', { deprecated: true, retiresAt: '2026-11-01T00:00:00.000Z' }), NOW)
    expect(past?.message).toMatch(/was retired on 2026-11-01/)
  })

  it('resolves aliases to the dated id, never to another alias', () => {
    const models = [model('m-2603', { aliases: ['m-latest'] }), model('ocr-latest')]
    expect(aliasResolutions(models)).toEqual([{ alias: 'm-latest', resolvesTo: 'm-2603' }])
    expect(pinAdvice(models, 'ocr-latest', NOW)).toMatchObject({ resolvesTo: null, pinned: false })
  })
})
