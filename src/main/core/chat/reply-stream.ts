/**
 * One streamed reply, from request to final row. It feeds the coalescer (events to
 * the caller) and the writer (partial text to SQLite), and ends exactly once:
 * complete, error, stopped (the user, or the caller went away) or interrupted (the
 * core is closing). Ending is synchronous, so when stop() returns the row and the
 * event are already final and a late chunk can change nothing.
 */
import type { UsageInfo } from '@mistralai/mistralai/models/components'
import type { ChatParams, ChatStreamEvent, Usage } from '../../../shared/domain'
import { AppErrorException, appError, type AppError } from '../../../shared/errors'
import type { ConversationsRepo } from '../conversations/conversations-repo'
import type { FinalState, MessagesRepo } from '../conversations/messages-repo'
import { contentText } from '../kernel/mistral/content-text'
import { STREAM_CUT_MESSAGE, toAppError } from '../kernel/mistral/errors'
import type { ChatTurn, MistralClient } from '../kernel/mistral/mistral-client'
import type { Clock, Logger } from '../ports'
import { StreamBilling } from '../kernel/usage/stream-billing'
import { usageFromApi, type UsageRecorder } from '../kernel/usage/usage-recorder'
import { DeltaCoalescer } from './delta-coalescer'
import { PrefixStripper } from './prefix-stripper'
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
  usage: UsageRecorder
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

export interface ReplyRequest {
  messages: ChatTurn[]
  params: ChatParams
  /**
   * chat.continue: the text already in the row. The last message is then this text as
   * an assistant prefix; the reply is appended to it and only new text is emitted.
   */
  continueFrom?: string
}

export interface ReplyStreamOptions {
  target: ReplyTarget
  apiKey: string
  request: ReplyRequest
  emit: (event: ChatStreamEvent) => void
  /** Runs once, however the reply ended. */
  onEnd: (stream: ReplyStream) => void
  /** Runs after a reply completed normally and was saved (e.g. to title a new chat). */
  onComplete?: () => void
}

export class ReplyStream {
  private readonly controller = new AbortController()
  private readonly coalescer: DeltaCoalescer
  private readonly writer: StreamWriter
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private readonly stripper: PrefixStripper
  private text: string
  private ended = false
  readonly target: ReplyTarget
  /** Stopped, cut and interrupted replies still bill: an estimated row when no usage came. */
  private readonly billing: StreamBilling

  constructor(
    private readonly options: ReplyStreamOptions,
    private readonly deps: ReplyStreamDeps,
  ) {
    const target = (this.target = options.target)
    const { requestId, conversationId, messageId } = target
    this.text = options.request.continueFrom ?? ''
    this.billing = new StreamBilling(options.request.messages, this.text)
    this.stripper = new PrefixStripper(options.request.continueFrom ?? '')
    this.coalescer = new DeltaCoalescer(
      (text) => options.emit({ type: 'delta', requestId, conversationId, messageId, text }),
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
    const { apiKey, request } = this.options
    let finishReason: string | null = null
    let usage: UsageInfo | null = null
    try {
      this.armIdleTimer()
      const events = await this.deps.client.streamChat(
        apiKey,
        { model, messages: request.messages, params: request.params },
        this.controller.signal,
      )
      for await (const event of events) {
        if (this.ended) break
        this.armIdleTimer()
        usage = event.data.usage ?? usage
        this.billing.chunk(event.data)
        // We never ask for n > 1, so the first choice is the reply.
        const choice = event.data.choices[0]
        if (!choice) continue
        // Thinking chunks of reasoning models are not part of the answer.
        this.append(this.stripper.push(contentText(choice.delta.content)))
        finishReason = choice.finishReason ?? finishReason
      }
      if (this.ended) return
      // A body that just ends without a finish_reason is a cut connection, not a reply.
      if (finishReason === null) throw new AppErrorException(appError('network', STREAM_CUT_MESSAGE, { retryable: true }))
      this.append(this.stripper.flush())
      this.complete(finishReason, usage)
    } catch (err) {
      if (this.ended) return
      const reason: unknown = this.controller.signal.reason
      this.fail(reason instanceof AppErrorException ? reason.appError : toAppError(err, this.deps.secrets()))
    }
  }

  private append(text: string): void {
    if (!text) return
    this.text += text
    this.coalescer.push(text)
    this.writer.update(this.text)
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
    const usage = usageFromApi(rawUsage)
    if (!usage) this.deps.logger.warn('Reply finished without usage; the ledger row is estimated', { requestId })
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
    let saved = false
    try {
      this.deps.transaction(() => {
        this.deps.messages.finish(messageId, { ...state, content: this.text }, at)
        this.deps.conversations.touch(conversationId, model, at)
        const billed = this.billing.settle(usage, state.status, this.text)
        if (billed) this.deps.usage.record({ kind: 'chat', at, model, ...billed, conversationId, messageId, requestId })
      })
      saved = true
    } catch (err) {
      // The caller still gets its event and the stream is released; the row, left
      // `streaming`, is marked interrupted at the next start-up.
      this.deps.logger.error('Could not save the finished reply', { requestId, error: err })
    }
    if (event) this.options.emit(event)
    // Stops the HTTP read when the user stopped; a no-op after a normal end.
    this.controller.abort()
    this.options.onEnd(this)
    if (saved && state.status === 'complete') this.options.onComplete?.()
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
