/**
 * The append-only usage ledger: one row per billed API call. There is no update or
 * delete here (triggers refuse them too), and no foreign key: a deleted chat keeps
 * its spend.
 */
import type { UsageCapability } from '../../../../shared/domain'
import type { Db } from '../db/database'
import { costMicro, type BilledUnits, type Currency, type UnitPrices } from './cost'

/**
 * The capability an API call billed: chat (a reply), title (the short call that names a
 * new conversation), and the rest of the platform as features record them.
 */
export type UsageKind = UsageCapability

export interface UsageEntry extends BilledUnits {
  id: string
  at: number
  kind: UsageKind
  endpoint: string
  /** As requested (an alias is fine). */
  model: string
  returnedModel: string | null
  /** The model whose price applied: the returned one when the API named it. */
  billedModel: string
  conversationId: string | null
  documentId: string | null
  messageId: string | null
  requestId: string | null
  keyLast4: string | null
  /** The counts are our estimate: the API reported no usage (a stream cut or stopped before its last chunk). */
  estimated: boolean
  discountBp: number
  pricesUsd: UnitPrices | null
  pricesEur: UnitPrices | null
  /** Integer micro-units, or null when that currency has no price for the call. */
  costMicroUsd: number | null
  costMicroEur: number | null
  /** "catalog:222f4ba@2026-08-21", "override:<id>" or "unknown". */
  priceSource: string
}

interface Row {
  id: string
  at: number
  kind: UsageKind
  endpoint: string
  model: string
  returned_model: string | null
  billed_model: string
  prompt_tokens: number
  cached_tokens: number
  completion_tokens: number
  pages: number
  annotated_pages: number
  audio_ms: number
  conversation_id: string | null
  document_id: string | null
  message_id: string | null
  request_id: string | null
  key_last4: string | null
  estimated: number
  discount_bp: number
  prices_usd: string | null
  prices_eur: string | null
  cost_micro_usd: number | null
  cost_micro_eur: number | null
  price_source: string
}

export const toEntry = (r: Row): UsageEntry => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  endpoint: r.endpoint,
  model: r.model,
  returnedModel: r.returned_model,
  billedModel: r.billed_model,
  promptTokens: r.prompt_tokens,
  cachedTokens: r.cached_tokens,
  completionTokens: r.completion_tokens,
  pages: r.pages,
  annotatedPages: r.annotated_pages,
  audioMs: r.audio_ms,
  conversationId: r.conversation_id,
  documentId: r.document_id,
  messageId: r.message_id,
  requestId: r.request_id,
  keyLast4: r.key_last4,
  estimated: r.estimated === 1,
  discountBp: r.discount_bp,
  pricesUsd: r.prices_usd ? (JSON.parse(r.prices_usd) as UnitPrices) : null,
  pricesEur: r.prices_eur ? (JSON.parse(r.prices_eur) as UnitPrices) : null,
  costMicroUsd: r.cost_micro_usd,
  costMicroEur: r.cost_micro_eur,
  priceSource: r.price_source,
})

/** What a row's cost must be, from the row alone: the recomputation check and the recorder share it. */
export function rowCost(entry: BilledUnits & { discountBp: number }, prices: UnitPrices | null): number | null {
  return prices ? costMicro(entry, prices, entry.discountBp) : null
}

export const costIn = (e: UsageEntry, currency: Currency): number | null => (currency === 'EUR' ? e.costMicroEur : e.costMicroUsd)

export class UsageLedger {
  private readonly appendStmt
  private readonly sinceStmt

  constructor(db: Db) {
    this.appendStmt = db.prepare(
      `INSERT INTO usage_ledger (id, at, kind, endpoint, model, returned_model, billed_model,
         prompt_tokens, cached_tokens, completion_tokens, pages, annotated_pages, audio_ms,
         conversation_id, document_id, message_id, request_id, key_last4, estimated, discount_bp,
         prices_usd, prices_eur, cost_micro_usd, cost_micro_eur, price_source)
       VALUES (@id, @at, @kind, @endpoint, @model, @returnedModel, @billedModel,
         @promptTokens, @cachedTokens, @completionTokens, @pages, @annotatedPages, @audioMs,
         @conversationId, @documentId, @messageId, @requestId, @keyLast4, @estimated, @discountBp,
         @pricesUsd, @pricesEur, @costMicroUsd, @costMicroEur, @priceSource)`,
    )
    this.sinceStmt = db.prepare<[number], Row>('SELECT * FROM usage_ledger WHERE at >= ? ORDER BY at, rowid')
  }

  append(entry: UsageEntry): void {
    this.appendStmt.run({
      ...entry,
      estimated: entry.estimated ? 1 : 0,
      pricesUsd: entry.pricesUsd ? JSON.stringify(entry.pricesUsd) : null,
      pricesEur: entry.pricesEur ? JSON.stringify(entry.pricesEur) : null,
    })
  }

  /** Entries at or after `since` (ms epoch), oldest first. */
  since(since = 0): UsageEntry[] {
    return this.sinceStmt.all(since).map(toEntry)
  }
}
