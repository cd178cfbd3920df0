/** Prices one API call's usage and appends it to the ledger: the one way usage is recorded. */
import { randomUUID } from 'node:crypto'
import type { UsageInfo } from '@mistralai/mistralai/models/components'
import type { Usage } from '../../../../shared/domain'
import type { Logger } from '../../ports'
import { CURRENCIES, type BilledUnits, type Currency, type UnitPrices } from './cost'
import type { PriceOverrides } from './price-overrides'
import { BATCH_DISCOUNT_BP, covers, type PerCurrency, type PriceTable } from './price-table'
import { rowCost, type UsageEntry, type UsageKind, type UsageLedger } from './usage-ledger'

/**
 * One billable API call, as every feature reports it: the one function to call is
 * UsageRecorder.record(). Give what the API reported: tokens for token-priced calls,
 * pages for OCR, seconds for audio.
 */
export interface UsageEvent {
  kind: UsageKind
  at: number
  /** The model as requested (an alias such as mistral-small-latest is fine). */
  model: string
  /** The `model` the response named, when it differs from the request (the dated version behind an alias). */
  returnedModel?: string | null
  usage: Usage
  /** OCR: pages processed, and pages with document annotations (priced higher). */
  pages?: number
  annotatedPages?: number
  /** Audio: seconds transcribed. */
  seconds?: number
  /** True when the API reported no usage (e.g. a stream cut before its last chunk) and the counts are our estimate. */
  estimated?: boolean
  conversationId: string | null
  /** An OCR document the call belongs to. */
  documentId?: string | null
  messageId: string | null
  requestId: string | null
  /** Ran through the Batch API: priced at the batch discount. (kind 'batch' implies it.) */
  batch?: boolean
  /** The API path billed; derived from `kind` when absent. */
  endpoint?: string
  /** The last 4 characters of the key the call used; defaults to the current key's. */
  keyLast4?: string | null
}

const ENDPOINTS: Record<UsageKind, string> = {
  chat: '/v1/chat/completions',
  title: '/v1/chat/completions',
  fim: '/v1/fim/completions',
  embeddings: '/v1/embeddings',
  ocr: '/v1/ocr',
  moderation: '/v1/moderations',
  classification: '/v1/classifications',
  audio: '/v1/audio/transcriptions',
  batch: '/v1/batch/jobs',
  fine_tuning: '/v1/fine_tuning/jobs',
}

const count = (n: number | undefined): number => (n !== undefined && Number.isFinite(n) && n > 0 ? Math.round(n) : 0)

/** Cached prompt tokens, where the response carried them (the SDK passes unknown keys through). */
function cachedTokensOf(u: UsageInfo): number {
  const details = u['prompt_tokens_details'] as { cached_tokens?: number } | undefined
  const legacy = u['num_cached_tokens'] as number | undefined
  return count(details?.cached_tokens ?? legacy)
}

/** The API's usage block in our terms; null when the response carried none. */
export function usageFromApi(u: UsageInfo | null | undefined): Usage | null {
  if (!u) return null
  const promptTokens = u.promptTokens ?? 0
  const completionTokens = u.completionTokens ?? 0
  const usage: Usage = { promptTokens, completionTokens, totalTokens: u.totalTokens ?? promptTokens + completionTokens }
  const cached = cachedTokensOf(u)
  if (cached > 0) usage.cachedTokens = Math.min(cached, promptTokens)
  if (u.promptAudioSeconds) usage.audioSeconds = u.promptAudioSeconds
  return usage
}

export function unitsOf(e: UsageEvent): BilledUnits {
  const promptTokens = count(e.usage.promptTokens)
  return {
    promptTokens,
    cachedTokens: Math.min(count(e.usage.cachedTokens), promptTokens),
    completionTokens: count(e.usage.completionTokens),
    pages: count(e.pages),
    annotatedPages: count(e.annotatedPages),
    audioMs: count((e.seconds ?? e.usage.audioSeconds ?? 0) * 1000),
  }
}

interface Priced {
  prices: PerCurrency
  source: string
}

export type RecordedListener = (entry: UsageEntry) => void
/** Throws an AppErrorException to refuse a call before it is sent (a hard-stop budget). */
export type SpendGuard = (call: { kind: UsageKind; model: string }) => void

export interface UsageRecorderDeps {
  ledger: UsageLedger
  prices: PriceTable
  overrides: PriceOverrides
  /** The current key's last 4, for rows whose event names none. */
  keyLast4?: () => string | null
  logger?: Logger
}

export class UsageRecorder {
  private readonly listeners = new Set<RecordedListener>()
  private guard: SpendGuard | null = null

  constructor(private readonly deps: UsageRecorderDeps) {}

  get prices(): PriceTable {
    return this.deps.prices
  }

  get overrides(): PriceOverrides {
    return this.deps.overrides
  }

  /** Appends the call's row and returns it. Never throws for a pricing gap: an unknown price is `unknown`, counted apart. */
  record(e: UsageEvent): UsageEntry {
    const units = unitsOf(e)
    const billedModel = e.returnedModel || e.model
    const { prices, source } = this.price(e.kind, e.model, billedModel, e.at, units)
    const discountBp = e.batch || e.kind === 'batch' ? BATCH_DISCOUNT_BP : 0
    const applied = (c: Currency): UnitPrices | null => (covers(prices[c], units) ? prices[c] : null)
    const pricesUsd = applied('USD')
    const pricesEur = applied('EUR')
    const entry: UsageEntry = {
      id: randomUUID(),
      at: e.at,
      kind: e.kind,
      endpoint: e.endpoint ?? ENDPOINTS[e.kind],
      model: e.model,
      returnedModel: e.returnedModel ?? null,
      billedModel,
      ...units,
      conversationId: e.conversationId,
      documentId: e.documentId ?? null,
      messageId: e.messageId,
      requestId: e.requestId,
      keyLast4: e.keyLast4 !== undefined ? e.keyLast4 : (this.deps.keyLast4?.() ?? null),
      estimated: e.estimated === true,
      discountBp,
      pricesUsd,
      pricesEur,
      costMicroUsd: rowCost({ ...units, discountBp }, pricesUsd),
      costMicroEur: rowCost({ ...units, discountBp }, pricesEur),
      priceSource: pricesUsd || pricesEur ? source : 'unknown',
    }
    this.deps.ledger.append(entry)
    for (const listener of this.listeners) {
      // A listener (budget alerts) must never lose the row or the reply it was saved with.
      try {
        listener(entry)
      } catch (err) {
        this.deps.logger?.error('Usage listener failed', { error: err })
      }
    }
    return entry
  }

  /**
   * A user override for the returned or the requested model wins; then the catalog
   * price of the returned (dated) model; then that of the requested alias.
   */
  private price(kind: UsageKind, requested: string, billed: string, at: number, units: BilledUnits): Priced {
    const override = this.deps.overrides.find(billed, at) ?? (billed !== requested ? this.deps.overrides.find(requested, at) : null)
    if (override) {
      const prices = Object.fromEntries(CURRENCIES.map((c) => [c, c === override.currency ? override.prices : null])) as PerCurrency
      return { prices, source: `override:${override.id}` }
    }
    const catalog = this.deps.prices.priceFor(billed, at, units, kind) ?? this.deps.prices.priceFor(requested, at, units, kind)
    if (catalog) return { prices: catalog.prices, source: catalog.source }
    return { prices: { USD: null, EUR: null }, source: 'unknown' }
  }

  /** Called after every row is appended (in the caller's transaction). Returns an unsubscribe. */
  onRecorded(listener: RecordedListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The budgets feature installs the guard; features call checkSpend() before a billable call. */
  setSpendGuard(guard: SpendGuard | null): void {
    this.guard = guard
  }

  /** Throws (with a message naming the budget) when a hard-stop budget refuses the call. */
  checkSpend(call: { kind: UsageKind; model: string }): void {
    this.guard?.(call)
  }
}
