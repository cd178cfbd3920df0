/** Per-conversation spend, the CSV export and price overrides. */
import type { ConversationSpend, Currency } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { UnitPrices } from '../kernel/usage/cost'
import type { PriceOverrides } from '../kernel/usage/price-overrides'
import type { Clock } from '../ports'
import { csvLine, LEDGER_COLUMNS, ledgerCsvRow } from './csv'
import type { LedgerQueries } from './ledger-queries'

export type OverrideInput = Partial<UnitPrices> & { model: string; effectiveFrom: number; currency: Currency; note?: string }

export class UsageService {
  constructor(
    private readonly queries: LedgerQueries,
    private readonly overrides: PriceOverrides,
    private readonly clock: Clock,
  ) {}

  conversation(conversationId: string, currency: Currency): ConversationSpend {
    const spend: ConversationSpend = { conversationId, currency, costMicro: 0, calls: 0, unpricedCalls: 0, byMessage: {} }
    for (const e of this.queries.conversationRows(conversationId)) {
      const cost = currency === 'EUR' ? e.costMicroEur : e.costMicroUsd
      spend.calls++
      if (cost === null) spend.unpricedCalls++
      else spend.costMicro += cost
      if (!e.messageId) continue
      // A retried reply bills twice into the same row: its hover shows the sum.
      const prev = spend.byMessage[e.messageId]
      spend.byMessage[e.messageId] = {
        promptTokens: (prev?.promptTokens ?? 0) + e.promptTokens,
        completionTokens: (prev?.completionTokens ?? 0) + e.completionTokens,
        costMicro: cost === null || (prev && prev.costMicro === null) ? null : (prev?.costMicro ?? 0) + cost,
        estimated: (prev?.estimated ?? false) || e.estimated,
      }
    }
    return spend
  }

  exportCsv(from: number, to: number, currency: Currency): { csv: string; rows: number } {
    if (to <= from) throw new AppErrorException(appError('invalid_input', 'The export range ends before it starts: pick an end date after the start date.'))
    const parts = [csvLine(LEDGER_COLUMNS)]
    for (const e of this.queries.range(from, to)) parts.push(ledgerCsvRow(e, currency))
    return { csv: parts.join(''), rows: parts.length - 1 }
  }

  saveOverride(input: OverrideInput): { id: string } {
    const prices: UnitPrices = {
      input: input.input ?? null,
      cachedInput: input.cachedInput ?? null,
      output: input.output ?? null,
      perThousandPages: input.perThousandPages ?? null,
      perThousandAnnotatedPages: input.perThousandAnnotatedPages ?? null,
      perMinute: input.perMinute ?? null,
    }
    if (Object.values(prices).every((p) => p === null)) {
      throw new AppErrorException(appError('invalid_input', 'Give at least one price (for example an input price per million tokens; 0 for free).'))
    }
    const { id } = this.overrides.add({ model: input.model, effectiveFrom: input.effectiveFrom, currency: input.currency, prices, note: input.note ?? '', createdAt: this.clock.now() })
    return { id }
  }

  deleteOverride(id: string): { deleted: boolean } {
    return { deleted: this.overrides.remove(id) }
  }
}
