/**
 * Token prices per api name from resources/model-catalog.json, for the Models screen.
 * Unlike the usage price table, a model with only an input price (embeddings) keeps it.
 */
import type { ModelPrice } from '../../../shared/domain'

interface CatalogPrice {
  usd?: number
  per?: string
  label?: string
}
interface CatalogEntry {
  apiNames?: string[]
  status?: string
  pricing?: { input?: CatalogPrice[]; output?: CatalogPrice[] }
}

function tokenRate(entries: CatalogPrice[] | undefined, label: 'input' | 'output'): number | null {
  const e = (entries ?? []).find((p) => p.per === '/M Tokens' && p.usd !== undefined && (!p.label || p.label.toLowerCase() === label))
  return e?.usd ?? null
}

export function catalogPrices(raw: unknown): Map<string, ModelPrice> {
  const models = ((raw as { models?: CatalogEntry[] } | null)?.models ?? []) as CatalogEntry[]
  const prices = new Map<string, ModelPrice>()
  for (const m of models) {
    const price = { inputUsdPerMTok: tokenRate(m.pricing?.input, 'input'), outputUsdPerMTok: tokenRate(m.pricing?.output, 'output') }
    if (price.inputUsdPerMTok === null && price.outputUsdPerMTok === null) continue
    for (const name of m.apiNames ?? []) {
      // A retired entry never wins over a live one for the same name.
      if (!prices.has(name) || m.status !== 'Retired') prices.set(name, price)
    }
  }
  return prices
}
