import { describe, expect, it } from 'vitest'
import catalog from '../../../../../resources/model-catalog.json'
import { costMicro, type BilledUnits } from './cost'
import { PriceTable } from './price-table'
import type { UsageKind } from './usage-ledger'

const units = (u: Partial<BilledUnits>): BilledUnits => ({
  promptTokens: 0,
  cachedTokens: 0,
  completionTokens: 0,
  pages: 0,
  annotatedPages: 0,
  audioMs: 0,
  ...u,
})
const AT = Date.parse('2026-10-01T12:00:00Z')

describe('PriceTable from the shipped catalog', () => {
  const table = PriceTable.fromCatalog(catalog)
  const cost = (model: string, u: Partial<BilledUnits>, discount = 0, kind?: UsageKind) => {
    const p = table.priceFor(model, AT, units(u), kind)
    return p?.prices.USD ? costMicro(units(u), p.prices.USD, discount) : null
  }

  it('tags its source by commit and date', () => {
    expect(table.source).toBe('catalog:222f4ba@2026-08-21')
  })

  it('per-M tokens: mistral-small-latest at $0.15 in / $0.60 out', () => {
    expect(cost('mistral-small-latest', { promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBe(750_000)
    expect(cost('mistral-small-latest', { promptTokens: 1000, completionTokens: 500 })).toBe(450)
    // 3 × 0.15 + 1 × 0.6 = 1.05 micro-USD: rounds half up to 1, not float-drifted.
    expect(cost('mistral-small-latest', { promptTokens: 3, completionTokens: 1 })).toBe(1)
  })

  it('cached input tokens at the cached rate (zai-glm-5-2: $1.40 input, $0.14 cached)', () => {
    expect(cost('zai-glm-5-2', { promptTokens: 1_000_000, cachedTokens: 400_000 })).toBe(600_000 * 1.4 + 400_000 * 0.14)
  })

  it('cached tokens fall back to the input rate where no cache tier is listed', () => {
    expect(cost('mistral-small-latest', { promptTokens: 1_000_000, cachedTokens: 1_000_000 })).toBe(150_000)
  })

  it('per 1,000 pages and annotated pages (mistral-ocr-2512: $2 and $3)', () => {
    expect(cost('mistral-ocr-2512', { pages: 10 })).toBe(20_000)
    expect(cost('mistral-ocr-2512', { pages: 10, annotatedPages: 4 })).toBe(20_000 + 12_000)
    expect(cost('mistral-ocr-2512', { pages: 1 })).toBe(2000)
  })

  it('audio minutes: voxtral-mini-latest as a transcription model ($0.003/min), as a chat model per token', () => {
    expect(cost('voxtral-mini-latest', { audioMs: 90_000 }, 0, 'audio')).toBe(4500)
    expect(cost('voxtral-mini-2602', { audioMs: 1 }, 0, 'audio')).toBe(0) // 0.05 micro rounds to 0
    expect(table.priceFor('voxtral-mini-latest', AT, units({ promptTokens: 10 }), 'chat')?.model).toBe('voxtral-mini-2507')
    expect(table.priceFor('voxtral-mini-latest', AT, units({ audioMs: 1000 }), 'audio')?.model).toBe('voxtral-mini-2602')
    // A chat prompt with audio: the chat model's own per-minute rate ($0.001) plus its tokens.
    expect(cost('voxtral-mini-latest', { audioMs: 60_000, promptTokens: 1_000_000 }, 0, 'chat')).toBe(1000 + 40_000)
  })

  it('free models cost 0, which is a price, not unknown', () => {
    expect(cost('mistral-moderation-2603', { promptTokens: 5000 })).toBe(0)
    expect(cost('labs-leanstral-1-5', { promptTokens: 5000, completionTokens: 5000 })).toBe(0)
  })

  it('embeddings are input-only', () => {
    expect(cost('mistral-embed', { promptTokens: 2_000_000 })).toBe(200_000)
    expect(table.priceFor('mistral-embed', AT, units({ completionTokens: 1 }))).toBeNull()
  })

  it('batch: half price, rounded once at the end', () => {
    expect(cost('mistral-small-latest', { promptTokens: 1_000_000, completionTokens: 1_000_000 }, 5000)).toBe(375_000)
    expect(cost('mistral-small-latest', { promptTokens: 7 }, 5000)).toBe(1) // 0.525 → 1
  })

  it('EUR prices where the catalog lists them, none where it does not', () => {
    const p = table.priceFor('mistral-small-latest', AT, units({ promptTokens: 1 }))
    expect(p?.prices.EUR).toMatchObject({ input: 120_000, output: 500_000 })
    expect(table.priceFor('mistral-large-2411', AT, units({ promptTokens: 1 }))?.prices.EUR).toBeNull()
  })

  it('models without a price (retired, custom, TTS per character) are not priced', () => {
    expect(table.priceFor('mistral-large-2402', AT, units({ promptTokens: 1 }))).toBeNull()
    expect(table.priceFor('no-such-model', AT, units({ promptTokens: 1 }))).toBeNull()
    expect(table.priceFor('voxtral-mini-tts-latest', AT, units({ promptTokens: 1 }))).toBeNull()
  })

  it('a live entry wins over a retired one listed under the same name', () => {
    expect(table.listed('open-mistral-7b', AT)).toBeNull()
    expect(table.priceFor('mistral-small-2603', AT, units({ promptTokens: 1 }))?.model).toBe('mistral-small-2603')
  })

  it('huge counts stay exact (BigInt past 2^53)', () => {
    expect(cost('mistral-medium-latest', { promptTokens: 9_000_000_000, completionTokens: 9_000_000_000 }, 5000)).toBe(
      (9_000 * 1_500_000 + 9_000 * 7_500_000) / 2,
    )
  })
})

describe('effective dates', () => {
  const v = (date: string, usd: number) => ({
    source: `test at commit abcdef${usd}123 (${date})`,
    models: [{ apiNames: ['m'], pricing: { input: [{ usd, per: '/M Tokens' }], output: [{ usd, per: '/M Tokens' }] } }],
  })
  const table = PriceTable.fromCatalogs([{ catalog: v('2026-06-01', 1) }, { catalog: v('2025-01-01', 5) }])

  it('prices a call with the version in effect at its time', () => {
    const u = units({ promptTokens: 1_000_000 })
    expect(table.priceFor('m', Date.parse('2025-03-01'), u)?.prices.USD?.input).toBe(5_000_000)
    expect(table.priceFor('m', Date.parse('2026-05-31T23:59:59Z'), u)?.prices.USD?.input).toBe(5_000_000)
    expect(table.priceFor('m', Date.parse('2026-06-01T00:00:00Z'), u)?.prices.USD?.input).toBe(1_000_000)
    // Before every version: the oldest is the best we know.
    expect(table.priceFor('m', Date.parse('2020-01-01'), u)?.source).toMatch(/@2025-01-01$/)
    expect(table.source).toMatch(/@2026-06-01$/)
  })

  it('a malformed catalog prices nothing rather than crashing', () => {
    expect(PriceTable.fromCatalog({ nope: true }).priceFor('m', 0, units({ promptTokens: 1 }))).toBeNull()
    expect(PriceTable.fromCatalog({ nope: true }).source).toBe('none')
  })
})
