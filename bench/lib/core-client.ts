/**
 * The core in this process, driven through dispatch() exactly as the hosts drive it,
 * with a CallContext that timestamps every chat.stream event it is sent. Ports are
 * the browser host's (no cipher, the key from the environment port) with the tests'
 * in-memory settings and recording logger.
 */
import { createCore, type Core } from '../../src/main/core/create-core'
import { dispatch, type CallContext } from '../../src/main/core/dispatch'
import { MemorySettings, RecordingLogger } from '../../src/main/core/testing/doubles'
import type { EventName, EventPayload } from '../../src/shared/contract'
import type { ChatStreamEvent } from '../../src/shared/domain'

export interface TimedEvent {
  /** performance.now() when the core emitted it. */
  t: number
  event: ChatStreamEvent
}

export class TimedContext implements CallContext {
  readonly events: TimedEvent[] = []
  private readonly closers: (() => void)[] = []
  private readonly waiters = new Map<string, (e: TimedEvent) => void>()

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // Other events (e.g. list changes) are not part of a reply's stream.
    if (name !== 'chat.stream') return
    const timed = { t: performance.now(), event: payload as ChatStreamEvent }
    this.events.push(timed)
    if (timed.event.type === 'delta') return
    this.waiters.get(timed.event.requestId)?.(timed)
    this.waiters.delete(timed.event.requestId)
  }

  onClose(listener: () => void): void {
    this.closers.push(listener)
  }

  close(): void {
    for (const l of this.closers.splice(0)) l()
  }

  of(requestId: string): TimedEvent[] {
    return this.events.filter((e) => e.event.requestId === requestId)
  }

  /** The done / stopped / error event of a request. */
  finished(requestId: string, timeoutMs = 60_000): Promise<TimedEvent> {
    const seen = this.events.find((e) => e.event.requestId === requestId && e.event.type !== 'delta')
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reply ${requestId} did not finish in ${timeoutMs} ms`)), timeoutMs)
      this.waiters.set(requestId, (e) => {
        clearTimeout(timer)
        resolve(e)
      })
    })
  }
}

export interface StartedReply {
  requestId: string
  conversationId: string
  assistantMessageId: string
}

export class InProcessCore {
  readonly logger = new RecordingLogger()
  private readonly core: Core

  constructor(opts: { dataDir: string; serverURL: string; apiKey: string }) {
    this.core = createCore({
      dataDir: opts.dataDir,
      cipher: null,
      settings: new MemorySettings(),
      clock: { now: () => Date.now() },
      serverURL: opts.serverURL,
      envApiKey: opts.apiKey,
      logger: this.logger,
    })
  }

  async call(name: string, input: unknown, ctx: CallContext): Promise<unknown> {
    const result = await dispatch(this.core, name, input, ctx)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`)
    return result.value
  }

  async send(ctx: CallContext, input: { content: string; model: string }): Promise<StartedReply> {
    return (await this.call('chat.send', input, ctx)) as StartedReply
  }

  /** The reply's text as stored in SQLite. */
  async storedText(ctx: CallContext, conversationId: string, messageId: string): Promise<string | null> {
    const conversation = (await this.call('conversations.get', { id: conversationId }, ctx)) as {
      messages: { id: string; content: string }[]
    }
    return conversation.messages.find((m) => m.id === messageId)?.content ?? null
  }

  close(): void {
    this.core.close()
  }
}
