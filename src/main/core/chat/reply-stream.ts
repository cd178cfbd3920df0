/**
 * One streamed reply, from request to final row. It feeds the coalescer (events to
 * the caller) and the writer (partial text to SQLite), and ends exactly once:
 * complete, error, stopped (the user, or the caller went away) or interrupted (the
 * core is closing). Ending is synchronous, so when stop() returns the row and the
 * event are already final and a late chunk can change nothing.
 */
import { randomUUID } from 'node:crypto'
import type { CompletionEvent, UsageInfo } from '@mistralai/mistralai/models/components'
import type { ChatStreamEvent, Usage } from '../../../shared/domain'
import { AppErrorException, appError, type AppError } from '../../../shared/errors'
import type { ConversationsRepo } from '../db/conversations-repo'
import type { FinalState, MessagesRepo } from '../db/messages-repo'
import type { UsageLedger } from '../db/usage-ledger'
import { STREAM_CUT_MESSAGE, toAppError } from '../mistral/errors'
import type { ChatTurn, MistralClient } from '../mistral/mistral-client'
import type { Clock, Logger } from '../ports'
import type { PriceTable } from '../usage/price-table'
import { DeltaCoalescer } from './delta-coalescer'
import { StreamWriter } from './stream-writer'

export interface StreamTiming {
  coalesceMs: number
  persistMs: number
  /** No chunk for this long (including before the first) ends the reply with a network error. */
  idleTimeoutMs: number
}

export interface ReplyStreamDeps {
  client: MistralClient
  messages: MessagesRepo
  conversations: ConversationsRepo
  ledger: UsageLedger
  prices: PriceTable
  clock: Clock
  logger: Logger
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T
  secrets(): readonly string[]
  timing: StreamTiming
}

export interface ReplyTarget {
  requestId: string
  conversationId: string
  messageId: string
  model: string
}

/** Text of a delta; thinking chunks of reasoning models are not part of the answer. */
function deltaText(content: CompletionEvent['data']['choices'][number]['delta']['content']): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((c) => (c.type === 'text' && 'text' in c ? c.text : '')).join('')
}

function toUsage(u: UsageInfo | null): Usage | null {
  if (!u) return null
  const promptTokens = u.promptTokens ?? 0
  const completionTokens = u.completionTokens ?? 0
  return { promptTokens, completionTokens, totalTokens: u.totalTokens ?? promptTokens + completionTokens }
}

export class ReplyStream {
  private readonly controller = new AbortController()
  private readonly coalescer: DeltaCoalescer
  private readonly writer: StreamWriter
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private text = ''
  private ended = false

  constructor(
    readonly target: ReplyTarget,
    private readonly apiKey: string,
    private readonly history: ChatTurn[],
    private readonly emit: (event: ChatStreamEvent) => void,
    private readonly deps: ReplyStreamDeps,
    private readonly onEnd: (stream: ReplyStream) => void,
  ) {
    const { requestId, conversationId, messageId } = target
    this.coalescer = new DeltaCoalescer(
      (text) => this.emit({ type: 'delta', requestId, conversationId, messageId, text }),
      deps.timing.coalesceMs,
    )
    this.writer = new StreamWriter(
      (content) => deps.messages.writePartial(messageId, content, deps.clock.now()),
      deps.timing.persistMs,
    )
  }

  /** Never rejects with an API error: every failure ends the reply with status `error`. */
  async run(): Promise<void> {
    const { model } = this.target
    let finishReason: string | null = null
    let usage: UsageInfo | null = null
    try {
      this.armIdleTimer()
      const events = await this.deps.client.streamChat(
        this.apiKey,
        { model, messages: this.history },
        this.controller.signal,
      )
      for await (const event of events) {
        if (this.ended) break
        this.armIdleTimer()
        usage = event.data.usage ?? usage
        // We never ask for n > 1, so the first choice is the reply.
        const choice = event.data.choices[0]
        if (!choice) continue
        const text = deltaText(choice.delta.content)
        if (text) {
          this.text += text
          this.coalescer.push(text)
          this.writer.update(this.text)
        }
        finishReason = choice.finishReason ?? finishReason
      }
      if (this.ended) return
      // A body that just ends without a finish_reason is a cut connection, not a reply.
      if (finishReason === null) throw new AppErrorException(appError('network', STREAM_CUT_MESSAGE, { retryable: true }))
      this.complete(finishReason, usage)
    } catch (err) {
      if (this.ended) return
      const reason: unknown = this.controller.signal.reason
      this.fail(reason instanceof AppErrorException ? reason.appError : toAppError(err, this.deps.secrets()))
    }
  }

  /** The user pressed Stop, or the caller went away: partial text kept, status `stopped`. */
  stop(): boolean {
    const { requestId, conversationId, messageId } = this.target
    return this.end({ status: 'stopped', finishReason: null, error: null }, { type: 'stopped', requestId, conversationId, messageId })
  }

  /** The core is closing: the row says `interrupted`, like after a crash, and no event is sent. */
  interrupt(): void {
    this.end({ status: 'interrupted', finishReason: null, error: null }, null)
  }

  private complete(finishReason: string, rawUsage: UsageInfo | null): void {
    const { requestId, conversationId, messageId } = this.target
    const usage = toUsage(rawUsage)
    if (!usage) this.deps.logger.warn('Reply finished without usage; no ledger row', { requestId })
    this.end(
      { status: 'complete', finishReason, error: null },
      { type: 'done', requestId, conversationId, messageId, finishReason, usage },
      usage,
    )
  }

  private fail(error: AppError): void {
    const { requestId, conversationId, messageId } = this.target
    this.deps.logger.warn('Chat stream failed', { code: error.code, status: error.status, requestId })
    this.end({ status: 'error', finishReason: null, error }, { type: 'error', requestId, conversationId, messageId, error })
  }

  private end(state: Omit<FinalState, 'content'>, event: ChatStreamEvent | null, usage: Usage | null = null): boolean {
    if (this.ended) return false
    this.ended = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.writer.dispose()
    // Deltas first, then the final row, then the terminal event: a renderer that
    // re-reads the conversation on `done` sees the finished text.
    if (event) this.coalescer.flush()
    else this.coalescer.dispose()
    const { conversationId, messageId, model, requestId } = this.target
    const at = this.deps.clock.now()
    try {
      this.deps.transaction(() => {
        this.deps.messages.finish(messageId, { ...state, content: this.text }, at)
        this.deps.conversations.touch(conversationId, model, at)
        if (usage) {
          const priced = this.deps.prices.cost(model, usage.promptTokens, usage.completionTokens)
          this.deps.ledger.append({
            id: randomUUID(),
            at,
            kind: 'chat',
            model,
            promptTokens: usage.promptTokens,
            completionTokens: usage.completionTokens,
            conversationId,
            messageId,
            requestId,
            costMicroUsd: priced?.costMicroUsd ?? null,
            priceSource: priced?.priceSource ?? null,
          })
        }
      })
    } catch (err) {
      // The caller still gets its event and the stream is released; the row, left
      // `streaming`, is marked interrupted at the next start-up.
      this.deps.logger.error('Could not save the finished reply', { requestId, error: err })
    }
    if (event) this.emit(event)
    // Stops the HTTP read when the user stopped; a no-op after a normal end.
    this.controller.abort()
    this.onEnd(this)
    return true
  }

  private armIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(() => {
      const error = appError('network', 'Mistral stopped responding. Retry in a moment.', { retryable: true })
      // The reason travels to run()'s catch, which reports it instead of a plain abort.
      this.controller.abort(new AppErrorException(error))
    }, this.deps.timing.idleTimeoutMs)
  }
}
