/**
 * The append-only usage ledger: one row per billed API call. There is no update or
 * delete here (triggers refuse them too), and no foreign key: a deleted chat keeps
 * its spend.
 */
import type { Db } from '../db/database'

/**
 * The capability an API call billed: chat (a reply), title (the short call that names a
 * new conversation), and the rest of the platform as features record them.
 */
export type UsageKind =
  | 'chat'
  | 'title'
  | 'fim'
  | 'embeddings'
  | 'ocr'
  | 'moderation'
  | 'classification'
  | 'audio'
  | 'batch'
  | 'fine_tuning'

export interface UsageEntry {
  id: string
  at: number
  kind: UsageKind
  model: string
  promptTokens: number
  completionTokens: number
  conversationId: string | null
  messageId: string | null
  requestId: string | null
  /** Integer micro-USD, or null when no price was known. */
  costMicroUsd: number | null
  /** Where the price came from, e.g. "catalog:222f4ba"; null with a null cost. */
  priceSource: string | null
}

interface Row {
  id: string
  at: number
  kind: UsageKind
  model: string
  prompt_tokens: number
  completion_tokens: number
  conversation_id: string | null
  message_id: string | null
  request_id: string | null
  cost_micro_usd: number | null
  price_source: string | null
}

const toEntry = (r: Row): UsageEntry => ({
  id: r.id,
  at: r.at,
  kind: r.kind,
  model: r.model,
  promptTokens: r.prompt_tokens,
  completionTokens: r.completion_tokens,
  conversationId: r.conversation_id,
  messageId: r.message_id,
  requestId: r.request_id,
  costMicroUsd: r.cost_micro_usd,
  priceSource: r.price_source,
})

export class UsageLedger {
  private readonly appendStmt
  private readonly sinceStmt

  constructor(db: Db) {
    this.appendStmt = db.prepare(
      `INSERT INTO usage_ledger (id, at, kind, model, prompt_tokens, completion_tokens,
         conversation_id, message_id, request_id, cost_micro_usd, price_source)
       VALUES (@id, @at, @kind, @model, @promptTokens, @completionTokens,
         @conversationId, @messageId, @requestId, @costMicroUsd, @priceSource)`,
    )
    this.sinceStmt = db.prepare<[number], Row>('SELECT * FROM usage_ledger WHERE at >= ? ORDER BY at, rowid')
  }

  append(entry: UsageEntry): void {
    this.appendStmt.run(entry)
  }

  /** Entries at or after `since` (ms epoch), oldest first. */
  since(since = 0): UsageEntry[] {
    return this.sinceStmt.all(since).map(toEntry)
  }
}
