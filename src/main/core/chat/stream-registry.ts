/**
 * The replies streaming right now, by request id. Events of a reply go only to the
 * caller that asked; a caller that goes away has its streams stopped; and at most one
 * reply streams per conversation, because a second would read a history the first is
 * still writing.
 */
import { AppErrorException, appError } from '../../../shared/errors'
import type { CallContext } from '../dispatch'
import { ReplyStream, type ReplyRequest, type ReplyStreamDeps, type ReplyTarget } from './reply-stream'

export const STREAMING_MESSAGE = 'A reply is still streaming in this conversation. Stop it or wait for it to finish.'

export interface StartOptions {
  target: ReplyTarget
  apiKey: string
  request: ReplyRequest
  ctx: CallContext
  onComplete?: () => void
}

export class StreamRegistry {
  private readonly active = new Map<string, { stream: ReplyStream; ctx: CallContext }>()
  private readonly watched = new WeakSet<CallContext>()

  constructor(private readonly deps: ReplyStreamDeps) {}

  start({ target, apiKey, request, ctx, onComplete }: StartOptions): void {
    const stream = new ReplyStream(
      {
        target,
        apiKey,
        request,
        emit: (event) => ctx.emit('chat.stream', event),
        onEnd: (ended) => this.active.delete(ended.target.requestId),
        ...(onComplete ? { onComplete } : {}),
      },
      this.deps,
    )
    this.active.set(target.requestId, { stream, ctx })
    this.watch(ctx)
    stream.run().catch((err: unknown) => {
      // end() already logs its own failures; this is a last guard against an unhandled rejection.
      this.deps.logger.error('Chat stream could not be finalized', { requestId: target.requestId, error: err })
    })
  }

  stop(requestId: string): boolean {
    const entry = this.active.get(requestId)
    return entry ? entry.stream.stop() : false
  }

  /** Before a conversation is deleted, so no stream writes into rows that are gone. */
  stopConversation(conversationId: string): void {
    for (const { stream } of [...this.active.values()]) {
      if (stream.target.conversationId === conversationId) stream.stop()
    }
  }

  isStreaming(conversationId: string): boolean {
    for (const { stream } of this.active.values()) {
      if (stream.target.conversationId === conversationId) return true
    }
    return false
  }

  refuseIfStreaming(conversationId: string): void {
    if (this.isStreaming(conversationId)) throw new AppErrorException(appError('invalid_input', STREAMING_MESSAGE))
  }

  /** Core shutdown: every live reply is saved as `interrupted` before SQLite closes. */
  close(): void {
    for (const { stream } of [...this.active.values()]) stream.interrupt()
  }

  /** A window closed or a socket dropped: stop its streams (the architecture's rule). */
  private watch(ctx: CallContext): void {
    if (this.watched.has(ctx)) return
    this.watched.add(ctx)
    ctx.onClose(() => {
      for (const entry of [...this.active.values()]) if (entry.ctx === ctx) entry.stream.stop()
    })
  }
}
