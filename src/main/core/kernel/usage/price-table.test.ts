import { describe, expect, it } from 'vitest'
import catalog from '../../../../../resources/model-catalog.json'
import { PriceTable } from './price-table'

describe('PriceTable', () => {
  const table = PriceTable.fromCatalog(catalog)

  it('reads the shipped catalog and tags its source by commit', () => {
    expect(table.source).toMatch(/^catalog:[0-9a-f]{7}$/)
    expect(table.priceOf('mistral-small-latest')).not.toBeNull()
  })

  it('computes integer micro-USD: USD per M tokens == micro-USD per token', () => {
    const t = PriceTable.fromCatalog({
      source: 'x at commit abcdef1234 (2026-01-01)',
      models: [
        {
          apiNames: ['m-1', 'm-latest'],
          pricing: {
            input: [
              { usd: 0.15, per: '/M Tokens' },
              { usd: 0.01, per: '/M Tokens', label: 'Cached input' },
            ],
            output: [{ usd: 0.6, per: '/M Tokens' }],
          },
        },
        { apiNames: ['ocr'], pricing: { input: [{ usd: 1, per: '/1000 Pages' }], output: [] } },
      ],
    })
    expect(t.cost('m-latest', 1000, 500)).toEqual({ costMicroUsd: 450, priceSource: 'catalog:abcdef1' })
    expect(t.cost('m-1', 1, 1)?.costMicroUsd).toBe(1)
    expect(t.cost('ocr', 10, 10)).toBeNull()
    expect(t.cost('unknown', 10, 10)).toBeNull()
  })

  it('a malformed catalog gives NULL costs rather than a crash', () => {
    expect(PriceTable.fromCatalog({ nope: true }).cost('m', 1, 1)).toBeNull()
  })
})
