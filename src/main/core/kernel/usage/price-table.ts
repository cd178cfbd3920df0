/**
 * Prices from resources/model-catalog.json (Mistral's own model data) as a versioned,
 * effective-dated table. A version is one catalog with the date its prices took
 * effect; a call is priced by the newest version in effect at the call's time (a
 * call older than every version gets the oldest: the best we know). The ledger row
 * keeps the unit prices it was priced with, so a newer catalog never rewrites history.
 *
 * Shapes priced: per million tokens (input, cached input, output), per 1,000 pages and
 * per 1,000 annotated pages (OCR), per audio minute, free models (0, not unknown),
 * and the batch discount. Per-character (TTS) prices are not modelled: such calls are
 * `unknown`, counted apart.
 */
import { z } from 'zod'
import { CURRENCIES, NO_PRICES, type BilledUnits, type Currency, type UnitPrices } from './cost'
import type { UsageKind } from './usage-ledger'

/** Mistral's Batch API bills every model at half the real-time price. */
export const BATCH_DISCOUNT_BP = 5000

export type PerCurrency = Record<Currency, UnitPrices | null>

export interface CatalogPrice {
  /** The entry's first api name: the model a price belongs to, for display. */
  model: string
  prices: PerCurrency
  /** "catalog:222f4ba@2026-08-21". */
  source: string
  /** The catalog's feature list (chat-completions, transcriptions, ocr…), to pick the entry that fits the call. */
  features: readonly string[]
}

/** The catalog feature a call of each kind uses; a name listed twice prefers the entry with it. */
const FEATURE_OF: Partial<Record<UsageKind, string>> = {
  chat: 'chat-completions',
  title: 'chat-completions',
  fim: 'fim',
  embeddings: 'embeddings',
  ocr: 'ocr',
  moderation: 'moderations',
  classification: 'moderations',
  audio: 'transcriptions',
}

const priceEntry = z.object({
  usd: z.number().optional(),
  eur: z.number().optional(),
  per: z.string(),
  label: z.string().optional(),
})
const catalogSchema = z.object({
  source: z.string().default(''),
  models: z.array(
    z.object({
      apiNames: z.array(z.string()),
      status: z.string().optional(),
      pricing: z.object({ free: z.boolean().optional(), input: z.array(priceEntry), output: z.array(priceEntry) }),
      capabilities: z.object({ features: z.array(z.string()).default([]) }).default({ features: [] }),
    }),
  ),
})
type Entry = z.infer<typeof priceEntry>
type Model = z.infer<typeof catalogSchema>['models'][number]

const micro = (amount: number | undefined): number | null => (amount === undefined ? null : Math.round(amount * 1_000_000))

function pricesIn(model: Model, currency: 'usd' | 'eur'): UnitPrices | null {
  const p: UnitPrices = { ...NO_PRICES }
  const set = (key: keyof UnitPrices, e: Entry) => {
    if (p[key] === null) p[key] = micro(e[currency])
  }
  for (const e of model.pricing.input) {
    const label = e.label?.toLowerCase()
    if (e.per === '/M Tokens') set(label === 'cached input' ? 'cachedInput' : 'input', e)
    else if (e.per === '/1000 Pages') set('perThousandPages', e)
    else if (e.per === '/1000 Annotated Pages') set('perThousandAnnotatedPages', e)
    else if (e.per === '/Min') set('perMinute', e)
  }
  for (const e of model.pricing.output) if (e.per === '/M Tokens') set('output', e)
  const listed = Object.values(p).some((v) => v !== null)
  if (!listed && model.pricing.free) return { input: 0, cachedInput: 0, output: 0, perThousandPages: 0, perThousandAnnotatedPages: 0, perMinute: 0 }
  return listed ? p : null
}

/** Can these prices price every unit the call used? (A chat model cannot price audio minutes, etc.) */
export function covers(prices: UnitPrices | null, u: BilledUnits): boolean {
  if (!prices) return false
  const uncached = u.promptTokens - u.cachedTokens
  return (
    (uncached === 0 || prices.input !== null) &&
    (u.cachedTokens === 0 || (prices.cachedInput ?? prices.input) !== null) &&
    (u.completionTokens === 0 || prices.output !== null) &&
    (u.pages === 0 || prices.perThousandPages !== null) &&
    (u.annotatedPages === 0 || prices.perThousandAnnotatedPages !== null) &&
    (u.audioMs === 0 || prices.perMinute !== null)
  )
}

/** "…at commit 222f4ba9… (2026-08-21)" → tag "catalog:222f4ba@2026-08-21", effective 2026-08-21. */
function describe(source: string): { tag: string; effectiveFrom: number } {
  const commit = /commit\s+([0-9a-f]{7,40})/i.exec(source)?.[1]?.slice(0, 7)
  const date = /\d{4}-\d{2}-\d{2}/.exec(source)?.[0]
  const tag = ['catalog', commit ? `:${commit}` : '', date ? `@${date}` : ''].join('')
  return { tag, effectiveFrom: date ? Date.parse(`${date}T00:00:00Z`) : 0 }
}

interface Version {
  effectiveFrom: number
  source: string
  /** api name → candidate prices, live entries before retired ones. */
  byName: Map<string, CatalogPrice[]>
}

function versionOf(raw: unknown, effectiveFrom?: number): Version | null {
  const parsed = catalogSchema.safeParse(raw)
  if (!parsed.success) return null
  const { tag, effectiveFrom: dated } = describe(parsed.data.source)
  const byName = new Map<string, CatalogPrice[]>()
  // Retired entries go last: a name listed twice (open-mistral-7b) prefers the live one.
  const models = [...parsed.data.models].sort((a, b) => Number(a.status === 'Retired') - Number(b.status === 'Retired'))
  for (const model of models) {
    const prices: PerCurrency = { USD: pricesIn(model, 'usd'), EUR: pricesIn(model, 'eur') }
    if (!prices.USD && !prices.EUR) continue
    const price = { model: model.apiNames[0] ?? '', prices, source: tag, features: model.capabilities.features }
    for (const name of model.apiNames) byName.set(name, [...(byName.get(name) ?? []), price])
  }
  return { effectiveFrom: effectiveFrom ?? dated, source: tag, byName }
}

export class PriceTable {
  private constructor(private readonly versions: readonly Version[]) {}

  static empty(): PriceTable {
    return new PriceTable([])
  }

  /** Unreadable catalog data yields an empty table: costs are then `unknown`, never wrong. */
  static fromCatalog(raw: unknown): PriceTable {
    return PriceTable.fromCatalogs([{ catalog: raw }])
  }

  /** Several catalog versions; each takes effect at `effectiveFrom` (ms) or at the date in its source. */
  static fromCatalogs(list: readonly { catalog: unknown; effectiveFrom?: number }[]): PriceTable {
    const versions = list.flatMap(({ catalog, effectiveFrom }) => versionOf(catalog, effectiveFrom) ?? [])
    return new PriceTable(versions.sort((a, b) => a.effectiveFrom - b.effectiveFrom))
  }

  /** The newest version's tag, e.g. "catalog:222f4ba@2026-08-21"; "none" without a catalog. */
  get source(): string {
    return this.versions.at(-1)?.source ?? 'none'
  }

  private versionAt(at: number): Version | undefined {
    let chosen = this.versions[0]
    for (const v of this.versions) if (v.effectiveFrom <= at) chosen = v
    return chosen
  }

  /**
   * The catalog price for a call: the first entry listed under `model` that can price
   * every unit the call used, preferring the entry made for the call's kind
   * (voxtral-mini-latest names both a chat model, priced per token and per audio minute
   * of a prompt, and a transcription model priced per minute). Null when none can.
   */
  priceFor(model: string, at: number, units: BilledUnits, kind?: UsageKind): CatalogPrice | null {
    const feature = kind ? FEATURE_OF[kind] : undefined
    const candidates = [...(this.versionAt(at)?.byName.get(model) ?? [])].sort(
      (a, b) => Number(feature !== undefined && b.features.includes(feature)) - Number(feature !== undefined && a.features.includes(feature)),
    )
    return candidates.find((c) => CURRENCIES.some((cur) => covers(c.prices[cur], units))) ?? null
  }

  /** Any entry for the model, for showing its price list (composer estimate, settings). */
  listed(model: string, at: number): CatalogPrice | null {
    return this.versionAt(at)?.byName.get(model)?.[0] ?? null
  }
}
