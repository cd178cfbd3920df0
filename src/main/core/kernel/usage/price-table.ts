/**
 * Token prices from resources/model-catalog.json (Mistral's own model data). USD per
 * million tokens is numerically the same as micro-USD per token, which is why the cost
 * comes out as an integer of micro-USD with a single multiply and round.
 */
import { z } from 'zod'

export interface TokenPrice {
  inputUsdPerMTok: number
  outputUsdPerMTok: number
}

export interface PricedCost {
  costMicroUsd: number
  priceSource: string
}

const priceEntry = z.object({ usd: z.number().optional(), per: z.string(), label: z.string().optional() })
const catalogSchema = z.object({
  source: z.string().default(''),
  models: z.array(
    z.object({
      apiNames: z.array(z.string()),
      status: z.string().optional(),
      pricing: z.object({ input: z.array(priceEntry), output: z.array(priceEntry) }),
    }),
  ),
})

/** The plain per-token rate: "Cached input" and other labelled tiers are not what a chat call pays. */
function tokenRate(entries: z.infer<typeof priceEntry>[], label: 'input' | 'output'): number | null {
  const e = entries.find(
    (p) => p.per === '/M Tokens' && p.usd !== undefined && (!p.label || p.label.toLowerCase() === label),
  )
  return e?.usd ?? null
}

/** "…at commit 222f4ba9… (2026-08-21)" → "catalog:222f4ba"; falls back to the date, then to "catalog". */
function sourceTag(source: string): string {
  const commit = /commit\s+([0-9a-f]{7,40})/i.exec(source)?.[1]
  if (commit) return `catalog:${commit.slice(0, 7)}`
  const date = /\d{4}-\d{2}-\d{2}/.exec(source)?.[0]
  return date ? `catalog:${date}` : 'catalog'
}

export class PriceTable {
  private constructor(
    private readonly prices: ReadonlyMap<string, TokenPrice>,
    readonly source: string,
  ) {}

  static empty(): PriceTable {
    return new PriceTable(new Map(), 'none')
  }

  /** Unreadable catalog data yields an empty table: costs are then NULL, never wrong. */
  static fromCatalog(raw: unknown): PriceTable {
    const parsed = catalogSchema.safeParse(raw)
    if (!parsed.success) return PriceTable.empty()
    const prices = new Map<string, TokenPrice>()
    for (const model of parsed.data.models) {
      const input = tokenRate(model.pricing.input, 'input')
      const output = tokenRate(model.pricing.output, 'output')
      if (input === null || output === null) continue
      for (const apiName of model.apiNames) {
        // A few names (e.g. open-mistral-7b) appear twice; a retired entry never wins over a live one.
        if (!prices.has(apiName) || model.status !== 'Retired') {
          prices.set(apiName, { inputUsdPerMTok: input, outputUsdPerMTok: output })
        }
      }
    }
    return new PriceTable(prices, sourceTag(parsed.data.source))
  }

  priceOf(model: string): TokenPrice | null {
    return this.prices.get(model) ?? null
  }

  /** Null when the model has no known token price (custom, free-tier, fine-tuned…). */
  cost(model: string, promptTokens: number, completionTokens: number): PricedCost | null {
    const p = this.priceOf(model)
    if (!p) return null
    const micro = promptTokens * p.inputUsdPerMTok + completionTokens * p.outputUsdPerMTok
    return { costMicroUsd: Math.round(micro), priceSource: this.source }
  }
}
