/**
 * What a streamed reply bills, however it ended. The API's usage comes only in the
 * last chunk: a reply stopped, cut or interrupted before it has none, yet Mistral
 * processed the prompt and every token sent. Those get an `estimated` row rather
 * than no row at all (after 20 interrupted replies the ledger used to have 0 rows).
 */
import type { Usage } from '../../../../shared/domain'
import { promptTokens, roughCount, type CountText, type TemplateTurn } from './token-estimate'

export interface Billed {
  usage: Usage
  estimated: boolean
  returnedModel: string | null
}

export class StreamBilling {
  private chunks = 0
  private returnedModel: string | null = null

  constructor(
    private readonly turns: readonly TemplateTurn[],
    /** chat.continue: text already in the row before this request. */
    private readonly alreadyThere = '',
    private readonly count: CountText = roughCount,
  ) {}

  /** Every chunk the stream delivers (its `model` names the dated model behind an alias). */
  chunk(data: { model?: string }): void {
    this.chunks++
    if (data.model) this.returnedModel = data.model
  }

  /**
   * The row to write, or null: a request that failed before any chunk (a 4xx, a
   * refused connection) was never billed.
   */
  settle(apiUsage: Usage | null, status: string, replyText: string): Billed | null {
    const returnedModel = this.returnedModel
    if (apiUsage) return { usage: apiUsage, estimated: false, returnedModel }
    if (status === 'error' && this.chunks === 0) return null
    const prompt = promptTokens(this.turns, this.count)
    const completion = this.count(replyText.slice(this.alreadyThere.length))
    return { usage: { promptTokens: prompt, completionTokens: completion, totalTokens: prompt + completion }, estimated: true, returnedModel }
  }
}
