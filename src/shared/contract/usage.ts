/** Know what you spend: the month dashboard, per-conversation cost, CSV export, budgets and alerts, prices. */
import { z } from 'zod'
import type { BudgetAlert, BudgetStatus, ConversationSpend, MonthReport, UsageSettings } from '../domain'
import { channel, empty, id, modelId, returns } from './define'

const month = z.string().max(7).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month like 2026-03')
const currency = z.enum(['USD', 'EUR'])
const capability = z.enum(['chat', 'title', 'fim', 'embeddings', 'ocr', 'moderation', 'classification', 'audio', 'batch', 'fine_tuning'])
/** An IANA zone name; checked against the runtime's zones in core. */
const timeZone = z.string().min(1).max(64)
/** Integer micro-units; up to 10 million in the currency. */
const micro = z.number().int().min(0).max(10_000_000_000_000)
const unitPrice = micro.nullable()

export const budgetScopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all') }).strict(),
  z.object({ type: z.literal('model'), model: modelId }).strict(),
  z.object({ type: z.literal('capability'), capability }).strict(),
])

export const channels = {
  /** One month's spend in the user's time zone and currency (default: the current month and the saved settings). */
  'usage.month': channel(z.object({ month: month.optional() }).strict(), returns<MonthReport>()),
  /** What a conversation has cost so far, and each reply's tokens and cost. */
  'usage.conversation': channel(z.object({ conversationId: id }).strict(), returns<ConversationSpend>()),
  /** The ledger for [from, to) as CSV (RFC 4180 quoting), in the saved currency. */
  'usage.exportCsv': channel(
    z.object({ from: z.number().int().min(0), to: z.number().int().min(0) }).strict(),
    returns<{ csv: string; rows: number }>(),
  ),
  'usage.getSettings': channel(empty, returns<UsageSettings>()),
  'usage.saveSettings': channel(z.object({ currency: currency.optional(), timeZone: timeZone.optional() }).strict(), returns<UsageSettings>()),
  'usage.listBudgets': channel(empty, returns<BudgetStatus[]>()),
  /** With an id it replaces that budget; without, it adds one. */
  'usage.saveBudget': channel(
    z
      .object({
        id: id.optional(),
        scope: budgetScopeSchema,
        amountMicro: micro.min(1),
        currency: currency.optional(),
        thresholds: z.array(z.number().int().min(1).max(1000)).max(10).optional(),
        hardStop: z.boolean().optional(),
      })
      .strict(),
    returns<BudgetStatus>(),
  ),
  'usage.deleteBudget': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),
  /** Alerts fired and not yet shown: each threshold of each budget fires once per month, across restarts. */
  'usage.takeAlerts': channel(empty, returns<BudgetAlert[]>()),
  /** The user's own price for a model from a date (a negotiated rate, a free tier). */
  'usage.saveOverride': channel(
    z
      .object({
        model: modelId,
        effectiveFrom: z.number().int().min(0),
        currency,
        input: unitPrice.optional(),
        cachedInput: unitPrice.optional(),
        output: unitPrice.optional(),
        perThousandPages: unitPrice.optional(),
        perThousandAnnotatedPages: unitPrice.optional(),
        perMinute: unitPrice.optional(),
        note: z.string().max(200).optional(),
      })
      .strict(),
    returns<{ id: string }>(),
  ),
  'usage.deleteOverride': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),
}

export const events = {}

