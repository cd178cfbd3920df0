/** Prices one API call's usage and appends it to the ledger: the one way usage is recorded. */
import { randomUUID } from 'node:crypto'
import type { UsageInfo } from '@mistralai/mistralai/models/components'
import type { Usage } from '../../../../shared/domain'
import type { UsageKind, UsageLedger } from './usage-ledger'
import type { PriceTable } from './price-table'

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
}

/** The API's usage block in our terms; null when the response carried none. */
export function usageFromApi(u: UsageInfo | null | undefined): Usage | null {
  if (!u) return null
  const promptTokens = u.promptTokens ?? 0
  const completionTokens = u.completionTokens ?? 0
  return { promptTokens, completionTokens, totalTokens: u.totalTokens ?? promptTokens + completionTokens }
}

export class UsageRecorder {
  constructor(
    private readonly ledger: UsageLedger,
    private readonly prices: PriceTable,
  ) {}

  record(e: UsageEvent): void {
    const priced = this.prices.cost(e.model, e.usage.promptTokens, e.usage.completionTokens)
    this.ledger.append({
      id: randomUUID(),
      at: e.at,
      kind: e.kind,
      model: e.model,
      promptTokens: e.usage.promptTokens,
      completionTokens: e.usage.completionTokens,
      conversationId: e.conversationId,
      messageId: e.messageId,
      requestId: e.requestId,
      costMicroUsd: priced?.costMicroUsd ?? null,
      priceSource: priced?.priceSource ?? null,
    })
  }
}
