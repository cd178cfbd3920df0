/**
 * Read-only queries over the kernel's usage_ledger for the dashboard, the chat header
 * and the export. Every sum is over integer micro-units in SQL; rows without a price
 * in the chosen currency are counted apart (`unpriced`), never summed as 0.
 */
import type { Currency, SpendLine, UsageCall } from '../../../shared/domain'
import type { Statement } from 'better-sqlite3'
import type { Db } from '../kernel/db/database'
import { toEntry, type UsageEntry } from '../kernel/usage/usage-ledger'

/** The currency picks a column; both names are fixed here, never taken from input. */
const COST: Record<Currency, string> = { USD: 'cost_micro_usd', EUR: 'cost_micro_eur' }

export interface Totals {
  costMicro: number
  calls: number
  unpricedCalls: number
  estimatedCalls: number
}

interface LineRow {
  key: string | null
  label: string | null
  cost: number | null
  calls: number
  unpriced: number
}

const toLine = (r: LineRow): SpendLine => ({ key: r.key ?? '', label: r.label, costMicro: r.cost ?? 0, calls: r.calls, unpricedCalls: r.unpriced })

export function toCall(e: UsageEntry, currency: Currency): UsageCall {
  return {
    id: e.id,
    at: e.at,
    kind: e.kind,
    endpoint: e.endpoint,
    model: e.model,
    billedModel: e.billedModel,
    promptTokens: e.promptTokens,
    cachedTokens: e.cachedTokens,
    completionTokens: e.completionTokens,
    pages: e.pages,
    annotatedPages: e.annotatedPages,
    audioMs: e.audioMs,
    conversationId: e.conversationId,
    documentId: e.documentId,
    messageId: e.messageId,
    estimated: e.estimated,
    costMicro: currency === 'EUR' ? e.costMicroEur : e.costMicroUsd,
    priceSource: e.priceSource,
  }
}

export class LedgerQueries {
  constructor(private readonly db: Db) {}

  private cached = new Map<string, Statement<unknown[]>>()
  private stmt(sql: string): Statement<unknown[]> {
    let s = this.cached.get(sql)
    if (!s) {
      s = this.db.prepare<unknown[]>(sql)
      this.cached.set(sql, s)
    }
    return s
  }

  totals(currency: Currency, from: number, to: number, where = '', ...params: unknown[]): Totals {
    const c = COST[currency]
    const r = this.stmt(
      `SELECT COALESCE(SUM(${c}), 0) AS cost, COUNT(*) AS calls, COALESCE(SUM(${c} IS NULL), 0) AS unpriced,
              COALESCE(SUM(estimated), 0) AS estimated
       FROM usage_ledger WHERE at >= ? AND at < ? ${where}`,
    ).get(from, to, ...params) as { cost: number; calls: number; unpriced: number; estimated: number }
    return { costMicro: r.cost, calls: r.calls, unpricedCalls: r.unpriced, estimatedCalls: r.estimated }
  }

  /** Spend per local day (day starts given) and billed model. */
  daily(currency: Currency, dayStarts: readonly number[]): { day: number; model: string; cost: number }[] {
    const c = COST[currency]
    const days = dayStarts.slice(0, -1).map((s, i) => [i, s, dayStarts[i + 1]!])
    const values = days.map(() => '(?, ?, ?)').join(', ')
    return this.stmt(
      `WITH d(i, s, e) AS (VALUES ${values})
       SELECT d.i AS day, l.billed_model AS model, SUM(l.${c}) AS cost
       FROM d JOIN usage_ledger l ON l.at >= d.s AND l.at < d.e
       WHERE l.${c} IS NOT NULL
       GROUP BY d.i, l.billed_model`,
    ).all(...days.flat()) as { day: number; model: string; cost: number }[]
  }

  byModel(currency: Currency, from: number, to: number): SpendLine[] {
    return this.grouped(currency, from, to, 'billed_model')
  }

  byCapability(currency: Currency, from: number, to: number): SpendLine[] {
    return this.grouped(currency, from, to, 'kind')
  }

  private grouped(currency: Currency, from: number, to: number, column: 'billed_model' | 'kind'): SpendLine[] {
    const c = COST[currency]
    return (
      this.stmt(
        `SELECT ${column} AS key, NULL AS label, SUM(${c}) AS cost, COUNT(*) AS calls, SUM(${c} IS NULL) AS unpriced
         FROM usage_ledger WHERE at >= ? AND at < ? GROUP BY ${column} ORDER BY cost DESC NULLS LAST, calls DESC`,
      ).all(from, to) as LineRow[]
    ).map(toLine)
  }

  /** The most expensive conversations of the range; the title where the conversation still exists. */
  byConversation(currency: Currency, from: number, to: number, limit: number): SpendLine[] {
    const c = COST[currency]
    return (
      this.stmt(
        `SELECT g.key, conversations.title AS label, g.cost, g.calls, g.unpriced FROM (
           SELECT conversation_id AS key, SUM(${c}) AS cost, COUNT(*) AS calls, SUM(${c} IS NULL) AS unpriced
           FROM usage_ledger WHERE at >= ? AND at < ? AND conversation_id IS NOT NULL
           GROUP BY conversation_id ORDER BY cost DESC NULLS LAST LIMIT ?
         ) g LEFT JOIN conversations ON conversations.id = g.key ORDER BY g.cost DESC NULLS LAST`,
      ).all(from, to, limit) as LineRow[]
    ).map(toLine)
  }

  byDocument(currency: Currency, from: number, to: number, limit: number): SpendLine[] {
    const c = COST[currency]
    return (
      this.stmt(
        `SELECT document_id AS key, NULL AS label, SUM(${c}) AS cost, COUNT(*) AS calls, SUM(${c} IS NULL) AS unpriced
         FROM usage_ledger WHERE at >= ? AND at < ? AND document_id IS NOT NULL
         GROUP BY document_id ORDER BY cost DESC NULLS LAST LIMIT ?`,
      ).all(from, to, limit) as LineRow[]
    ).map(toLine)
  }

  topCalls(currency: Currency, from: number, to: number, limit: number): UsageCall[] {
    const c = COST[currency]
    const rows = this.stmt(
      `SELECT * FROM usage_ledger WHERE rowid IN (
         SELECT rowid FROM usage_ledger WHERE at >= ? AND at < ? AND ${c} IS NOT NULL ORDER BY ${c} DESC LIMIT ?
       ) ORDER BY ${c} DESC, at`,
    ).all(from, to, limit) as Parameters<typeof toEntry>[0][]
    return rows.map((r) => toCall(toEntry(r), currency))
  }

  conversationRows(conversationId: string): UsageEntry[] {
    const rows = this.stmt('SELECT * FROM usage_ledger WHERE conversation_id = ? ORDER BY at, rowid').all(conversationId) as Parameters<typeof toEntry>[0][]
    return rows.map(toEntry)
  }

  /** Every row of [from, to), oldest first, one at a time (an export may be the whole ledger). */
  *range(from: number, to: number): Generator<UsageEntry> {
    const it = this.stmt('SELECT * FROM usage_ledger WHERE at >= ? AND at < ? ORDER BY at, rowid').iterate(from, to) as IterableIterator<Parameters<typeof toEntry>[0]>
    for (const r of it) yield toEntry(r)
  }
}
