import { describe, expect, it } from 'vitest'
import type { ModelSummary } from '../../../../../shared/domain'
import { familyOf, groupOptions, toOption, type ModelOption } from './model-options'

const caps = { chat: true, functionCalling: true, vision: true, reasoning: false, fim: false, ocr: false }
const model = (id: string, extra: Partial<ModelSummary> = {}): ModelSummary => ({
  id,
  name: id,
  description: '',
  maxContextLength: 131072,
  aliases: [],
  capabilities: caps,
  defaultTemperature: null,
  deprecated: false,
  ...extra,
})

describe('model options', () => {
  it('uses the catalog for a friendly name, family and price', () => {
    const o = toOption(model('mistral-small-2603', { aliases: ['mistral-small-latest'] }))
    expect(o).toMatchObject({ name: 'Mistral Small 4', family: 'Mistral Small', context: '128k', deprecated: false })
    expect(o?.price).toBe('$0.15 / $0.60 per M tokens')
    expect(o?.capabilities).toEqual(['vision', 'tools'])
  })

  it('leaves out models that cannot chat in text, and keeps unknown ones under their id', () => {
    expect(toOption(model('voxtral-mini-transcribe-realtime-2602'))).toBeNull()
    expect(toOption(model('mistral-embed', { capabilities: { ...caps, chat: false } }))).toBeNull()
    expect(toOption(model('some-new-model'))).toMatchObject({ name: 'some-new-model', family: 'Other' })
  })

  it('marks models the catalog calls deprecated', () => {
    expect(toOption(model('mistral-small-2506'))?.deprecated).toBe(true)
  })

  it('groups recent first, hides deprecated unless asked, and filters by any word', () => {
    const options = ['mistral-small-2603', 'mistral-small-2506', 'mistral-large-2512', 'codestral-2508']
      .map((id) => toOption(model(id)))
      .filter((o): o is ModelOption => o !== null)
    const groups = groupOptions(options, { query: '', showDeprecated: false, recent: ['codestral-2508'] })
    expect(groups.map((g) => [g.label, g.options.map((o) => o.id)])).toEqual([
      ['Recent', ['codestral-2508']],
      ['Mistral Small', ['mistral-small-2603']],
      ['Mistral Large', ['mistral-large-2512']],
    ])
    const all = groupOptions(options, { query: 'small', showDeprecated: true, recent: [] })
    expect(all.flatMap((g) => g.options.map((o) => o.id))).toEqual(['mistral-small-2603', 'mistral-small-2506'])
  })

  it('names families the way the catalog does', () => {
    expect(familyOf('Magistral Medium 1.2')).toBe('Magistral')
    expect(familyOf('Codestral')).toBe('Codestral')
  })
})
