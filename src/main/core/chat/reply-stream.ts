/**
 * One streamed reply, from request to final row. It feeds the coalescer (events to
 * the caller) and the writer (partial text to SQLite), and ends exactly once:
 * complete, error, stopped (the user, or the caller went away) or interrupted (the
 * core is closing). Ending is synchronous, so when stop() returns the row and the
 * event are already final and a late chunk can change nothing.
 */
import type { ToolCall, UsageInfo } from '@mistralai/mistralai/models/components'
import type { ChatParams, ChatPartEvent, ChatStreamEvent, MessagePart, ToolCallRecord, Usage } from '../../../shared/domain'
import { AppErrorException, appError, type AppError } from '../../../shared/errors'
import type { ConversationsRepo } from '../conversations/conversations-repo'
import type { FinalState, MessagesRepo } from '../conversations/messages-repo'
import { STREAM_CUT_MESSAGE, toAppError } from '../kernel/mistral/errors'
import { retryDelayMs, type RetryPolicy } from '../kernel/mistral/retry-policy'
import type { ChatExtras, ChatTurn, MistralClient } from '../kernel/mistral/mistral-client'
import type { Clock, Logger } from '../ports'
import { StreamBilling } from '../kernel/usage/stream-billing'
import { usageFromApi, type UsageRecorder } from '../kernel/usage/usage-recorder'
import { splitContent } from './content-parts'
import { DeltaCoalescer } from './delta-coalescer'
import type { ReplyDetailsRepo } from './reply-details-repo'
import { checkStructured, type StructuredFormat } from './structured-check'
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
  details: ReplyDetailsRepo
  usage: UsageRecorder
  clock: Clock
  logger: Logger
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T
  secrets(): readonly string[]
  timing: StreamTiming
  /** Automatic retries before anything arrived (kernel/mistral/retry-policy.ts). */
  retry: RetryPolicy
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
  /** Tools, tool_choice, parallel calls and response format, as the SDK takes them. */
  extras?: ChatExtras
  /** A json_object / json_schema reply is checked against this when it completes. */
  structured?: StructuredFormat
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
  /** Thinking and other chunks (`chat.parts`); always before the text that follows them. */
  emitParts: (event: ChatPartEvent) => void
  /** Runs once, however the reply ended. */
  onEnd: (stream: ReplyStream) => void
  /** Runs after a reply completed normally and was saved (e.g. to title a new chat). */
  onComplete?: () => void
}

export class ReplyStream {
  private readonly controller = new AbortController()
  private readonly coalescer: DeltaCoalescer
  private readonly thinkingCoalescer: DeltaCoalescer
  private thinking = ''
  /** References and unsupported chunks, in order; thinking is kept whole in `thinking`. */
  private readonly parts: MessagePart[] = []
  private readonly toolCalls: ToolCallRecord[] = []
  private readonly writer: StreamWriter
  private idleTimer: ReturnType<typeof setTimeout> | null = null
  private readonly stripper: PrefixStripper
  private text: string
  private ended = false
  /** Ends a retry wait early (set while pausing). */
  private wake: (() => void) | null = null
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
    this.thinkingCoalescer = new DeltaCoalescer(
      (text) => options.emitParts({ type: 'thinking', requestId, conversationId, messageId, text }),
      deps.timing.coalesceMs,
    )
    this.writer = new StreamWriter(
      (content) => deps.messages.writePartial(messageId, content, deps.clock.now()),
      deps.timing.persistMs,
    )
  }

  /**
   * Never rejects with an API error: every failure ends the reply with status `error`.
   * A failure before anything arrived (429, 5xx, a lost connection) is retried in place
   * by the shared retry policy, announced on chat.parts as `retrying`: same row, and
   * usage is recorded once, when the reply completes. Once text has arrived a retry
   * would duplicate it, so the error goes to the user instead.
   */
  async run(): Promise<void> {
    for (let retry = 1; ; retry++) {
      try {
        await this.attempt()
        return
      } catch (err) {
        if (this.ended) return
        const reason: unknown = this.controller.signal.reason
        const error = reason instanceof AppErrorException ? reason.appError : toAppError(err, this.deps.secrets())
        const delayMs = this.received() || this.controller.signal.aborted ? null : retryDelayMs(error, retry, this.deps.retry)
        if (delayMs === null) {
          this.fail(error)
          return
        }
        const { requestId, conversationId, messageId } = this.target
        this.deps.logger.warn('Retrying a reply', { code: error.code, status: error.status, requestId, retry, delayMs })
        this.options.emitParts({ type: 'retrying', requestId, conversationId, messageId, retry, delayMs, error })
        await this.pause(delayMs)
        if (this.ended) return
      }
    }
  }

  private async attempt(): Promise<void> {
    const { model } = this.target
    const { apiKey, request } = this.options
    let finishReason: string | null = null
    let usage: UsageInfo | null = null
    this.armIdleTimer()
    const events = await this.deps.client.streamChat(
      apiKey,
      { model, messages: request.messages, params: request.params, ...(request.extras ? { extras: request.extras } : {}) },
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
      this.take(choice.delta.content)
      if (choice.delta.toolCalls) this.takeToolCalls(choice.delta.toolCalls)
      finishReason = choice.finishReason ?? finishReason
    }
    if (this.ended) return
    // A body that just ends without a finish_reason is a cut connection, not a reply.
    if (finishReason === null) throw new AppErrorException(appError('network', STREAM_CUT_MESSAGE, { retryable: true }))
    this.append(this.stripper.flush())
    this.complete(finishReason, usage)
  }

  /** Anything of the reply arrived (so retrying would repeat it). */
  private received(): boolean {
    const before = this.options.request.continueFrom?.length ?? 0
    return this.text.length > before || this.thinking.length > 0 || this.parts.length > 0 || this.toolCalls.length > 0
  }

  /** Waits before a retry; Stop (or shutdown) ends the wait at once. */
  private pause(ms: number): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    })
  }

  /** Answer text to the row and `delta`s; thinking and other chunks kept beside it. */
  private take(content: Parameters<typeof splitContent>[0]): void {
    for (const piece of splitContent(content)) {
      if (piece.kind === 'text') {
        this.append(this.stripper.push(piece.text))
      } else if (piece.kind === 'thinking') {
        this.thinking += piece.text
        this.thinkingCoalescer.push(piece.text)
      } else {
        const part: MessagePart =
          piece.kind === 'reference'
            ? { type: 'reference', ids: piece.ids, offset: this.text.length }
            : { type: 'unsupported', chunkType: piece.chunkType }
        this.parts.push(part)
        // The text it follows goes out first, so its offset is covered on screen.
        this.coalescer.flush()
        const { requestId, conversationId, messageId } = this.target
        this.options.emitParts({ type: 'part', requestId, conversationId, messageId, part })
      }
    }
  }

  /**
   * Mistral sends each call whole (observed), but a call split over deltas (OpenAI's
   * way) is merged by index, so a proxy in between cannot break it. Ids are kept verbatim.
   */
  private takeToolCalls(calls: readonly ToolCall[]): void {
    for (const call of calls) {
      const args = typeof call.function.arguments === 'string' ? call.function.arguments : JSON.stringify(call.function.arguments)
      const index = call.index ?? this.toolCalls.length
      const existing = this.toolCalls[index]
      if (existing && !call.id) existing.arguments += args
      else this.toolCalls[index] = { id: call.id ?? '', name: call.function.name, arguments: args, result: null }
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
    const toolCalls = this.toolCalls.filter(Boolean)
    this.end(
      { status: 'complete', finishReason, error: null },
      { type: 'done', requestId, conversationId, messageId, finishReason, usage, toolCalls },
      usage,
      toolCalls,
    )
  }

  private fail(error: AppError): void {
    const { requestId, conversationId, messageId } = this.target
    this.deps.logger.warn('Chat stream failed', { code: error.code, status: error.status, requestId })
    this.end({ status: 'error', finishReason: null, error }, { type: 'error', requestId, conversationId, messageId, error })
  }

  private end(
    state: Omit<FinalState, 'content'>,
    event: ChatStreamEvent | null,
    usage: Usage | null = null,
    toolCalls: readonly ToolCallRecord[] = [],
  ): boolean {
    if (this.ended) return false
    this.ended = true
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.wake?.()
    this.writer.dispose()
    // Deltas first, then the final row, then the terminal event: a renderer that
    // re-reads the conversation on `done` sees the finished text.
    if (event) {
      this.thinkingCoalescer.flush()
      this.coalescer.flush()
    } else {
      this.thinkingCoalescer.dispose()
      this.coalescer.dispose()
    }
    const structured = state.status === 'complete' && this.options.request.structured
    const check = structured ? checkStructured(this.text, structured) : null
    const { conversationId, messageId, model, requestId } = this.target
    const at = this.deps.clock.now()
    let saved = false
    try {
      this.deps.transaction(() => {
        this.deps.messages.finish(messageId, { ...state, content: this.text }, at)
        this.saveDetails(messageId, toolCalls, check)
        this.deps.conversations.touch(conversationId, model, at)
        // The one place a reply's usage is recorded.
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

  /** Whatever arrived besides the text, even for a stopped or failed reply (nothing is lost). */
  private saveDetails(messageId: string, toolCalls: readonly ToolCallRecord[], check: ReturnType<typeof checkStructured> | null): void {
    const { details } = this.deps
    if (this.thinking) details.addPart(messageId, { type: 'thinking', text: this.thinking })
    for (const part of this.parts) details.addPart(messageId, part)
    if (toolCalls.length > 0) details.addToolCalls(messageId, toolCalls)
    if (check) details.setCheck(messageId, check)
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
