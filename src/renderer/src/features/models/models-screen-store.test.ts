import { describe, expect, it } from 'vitest'
import type { ModelSummary } from '../../../../shared/domain'
import { badgesOf, visibleModels } from './models-screen-store'

const model = (id: string, extra: Partial<ModelSummary> = {}, caps: Partial<ModelSummary['capabilities']> = {}): ModelSummary => ({
  id,
  name: id,
  description: '',
  maxContextLength: 32768,
  aliases: [],
  capabilities: { chat: true, functionCalling: false, vision: false, reasoning: false, fim: false, ocr: false, ...caps },
  defaultTemperature: 0.7,
  deprecated: false,
  ...extra,
})

describe('the Models screen store', () => {
  it('shows a badge per capability the model has', () => {
    expect(badgesOf(model('a', {}, { functionCalling: true, vision: true, fineTuning: true }))).toEqual(['Chat', 'Tools', 'Vision', 'Fine-tuning'])
    expect(badgesOf(model('e', {}, { chat: false, embeddings: true }))).toEqual(['Embeddings'])
  })

  it('filters by capability and sorts by name, price (unpriced last) or context', () => {
    const models = [
      model('b', { price: { inputUsdPerMTok: 2, outputUsdPerMTok: 6 }, maxContextLength: 128000 }, { vision: true }),
      model('a', { price: null, maxContextLength: 8000 }),
      model('c', { price: { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.3 }, maxContextLength: 256000 }, { vision: true }),
    ]
    expect(visibleModels(models, 'all', 'name').map((m) => m.id)).toEqual(['a', 'b', 'c'])
    expect(visibleModels(models, 'all', 'price').map((m) => m.id)).toEqual(['c', 'b', 'a'])
    expect(visibleModels(models, 'all', 'context').map((m) => m.id)).toEqual(['c', 'b', 'a'])
    expect(visibleModels(models, 'vision', 'name').map((m) => m.id)).toEqual(['b', 'c'])
    expect(models.map((m) => m.id)).toEqual(['b', 'a', 'c']) // The store's list is not reordered in place.
  })
})
