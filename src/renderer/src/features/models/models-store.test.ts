import { describe, expect, it } from 'vitest'
import type { ModelSummary } from '../../../../shared/domain'
import { followConversationModel, formatContext, pickDefault, useModelsStore } from './models-store'

const model = (id: string, aliases: string[] = []): ModelSummary => ({
  id,
  name: id,
  description: '',
  maxContextLength: 131072,
  aliases,
  capabilities: { chat: true, functionCalling: false, vision: false, reasoning: false, fim: false, ocr: false },
  defaultTemperature: null,
  deprecated: false,
})

describe('model defaults', () => {
  const models = [model('codestral-2508'), model('mistral-small-2506', ['mistral-small-latest'])]

  it('keeps the remembered model, by id or by alias', () => {
    expect(pickDefault(models, 'codestral-2508')).toBe('codestral-2508')
    expect(pickDefault(models, 'mistral-small-latest')).toBe('mistral-small-2506')
  })

  it('falls back to mistral-small-latest, then to the first model', () => {
    expect(pickDefault(models, 'gone-model')).toBe('mistral-small-2506')
    expect(pickDefault([model('a'), model('b')], null)).toBe('a')
    expect(pickDefault([], 'x')).toBe('x')
  })

  it('formats context sizes the way model pages do', () => {
    expect(formatContext(131072)).toBe('128k')
    expect(formatContext(128000)).toBe('128k')
    expect(formatContext(32768)).toBe('32k')
    expect(formatContext(512)).toBe('512')
  })
})

describe('followConversationModel', () => {
  it('selects the conversation\'s model by id or alias, and ignores one the key cannot use', () => {
    useModelsStore.setState({ models: [model('codestral-2508'), model('mistral-small-2506', ['mistral-small-latest'])], selected: 'codestral-2508' })
    followConversationModel('mistral-small-latest')
    expect(useModelsStore.getState().selected).toBe('mistral-small-2506')
    followConversationModel('retired-model-2401')
    expect(useModelsStore.getState().selected).toBe('mistral-small-2506')
  })
})
