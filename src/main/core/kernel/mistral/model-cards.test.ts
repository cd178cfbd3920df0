import { describe, expect, it } from 'vitest'
import type { BaseModelCard, ModelList } from '@mistralai/mistralai/models/components'
import { summarizeModels } from './model-cards'

const caps = (chat: boolean): BaseModelCard['capabilities'] => ({
  completionChat: chat,
  functionCalling: chat,
  reasoning: false,
  completionFim: false,
  fineTuning: false,
  vision: false,
  ocr: !chat,
  classification: false,
  moderation: false,
  audio: false,
  audioTranscription: false,
  audioTranscriptionRealtime: false,
  audioSpeech: false,
  unifiedResources: false,
})

const card = (id: string, aliases: string[], extra: Partial<BaseModelCard> = {}): BaseModelCard => ({
  id,
  object: 'model',
  ownedBy: 'mistralai',
  capabilities: caps(true),
  maxContextLength: 128000,
  aliases,
  internal: false,
  type: 'base',
  ...extra,
})

describe('summarizeModels', () => {
  it('merges alias cards into the dated model and keeps every name', () => {
    const list: ModelList = {
      object: 'list',
      data: [
        card('mistral-small-latest', ['mistral-small-2603']),
        card('mistral-small-2603', ['mistral-small-latest'], { name: 'Mistral Small', description: 'small' }),
        card('mistral-ocr-latest', [], { capabilities: caps(false), deprecation: new Date('2027-01-01') }),
      ],
    }
    const out = summarizeModels(list)
    expect(out.map((m) => m.id)).toEqual(['mistral-ocr-latest', 'mistral-small-2603'])
    expect(out[1]).toMatchObject({
      name: 'Mistral Small',
      description: 'small',
      aliases: ['mistral-small-latest'],
      capabilities: { chat: true, ocr: false },
      deprecated: false,
      defaultTemperature: null,
    })
    expect(out[0]).toMatchObject({ name: 'mistral-ocr-latest', capabilities: { chat: false, ocr: true }, deprecated: true })
  })

  it('merges one-sided alias lists and ignores unknown card types', () => {
    const list = {
      object: 'list',
      data: [
        card('codestral-2508', ['codestral-latest']),
        card('codestral-latest', []),
        card('codestral-2508', ['codestral-latest']),
        { type: 'UNKNOWN', raw: {}, isUnknown: true },
      ],
    } as ModelList
    const out = summarizeModels(list)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ id: 'codestral-2508', aliases: ['codestral-latest'] })
  })

  it('handles an empty list', () => {
    expect(summarizeModels({ object: 'list' })).toEqual([])
  })
})
