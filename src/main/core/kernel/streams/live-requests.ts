/**
 * Every request streaming right now, by request id, whatever feature started it. A
 * caller that goes away has its requests stopped (the architecture's rule); at most one
 * reply streams per conversation, because a second would read a history the first is
 * still writing; and at shutdown every live request saves what it has as `interrupted`.
 */
import { AppErrorException, appError } from '../../../../shared/errors'
import type { CallContext } from '../../dispatch'

export const STREAMING_MESSAGE = 'A reply is still streaming in this conversation. Stop it or wait for it to finish.'

export interface LiveRequest {
  requestId: string
  /** The conversation it writes into, or null for requests outside one. */
  conversationId: string | null
  /** The user's Stop: keep what arrived. False if it had already ended. */
  stop(): boolean
  /** Shutdown: save what arrived as interrupted. */
  interrupt(): void
}

export class LiveRequests {
  private readonly active = new Map<string, { request: LiveRequest; ctx: CallContext }>()
  private readonly watched = new WeakSet<CallContext>()

  /** Registers a started request; the feature calls `remove` when it ends. */
  add(request: LiveRequest, ctx: CallContext): void {
    this.active.set(request.requestId, { request, ctx })
    this.watch(ctx)
  }

  remove(requestId: string): void {
    this.active.delete(requestId)
  }

  stop(requestId: string): boolean {
    return this.active.get(requestId)?.request.stop() ?? false
  }

  /** Before a conversation is deleted, so no stream writes into rows that are gone. */
  stopConversation(conversationId: string): void {
    for (const request of this.requests()) if (request.conversationId === conversationId) request.stop()
  }

  isStreaming(conversationId: string): boolean {
    return this.requests().some((r) => r.conversationId === conversationId)
  }

  refuseIfStreaming(conversationId: string): void {
    if (this.isStreaming(conversationId)) throw new AppErrorException(appError('invalid_input', STREAMING_MESSAGE))
  }

  /** Core shutdown: every live request is saved as `interrupted` before SQLite closes. */
  close(): void {
    for (const request of this.requests()) request.interrupt()
  }

  private requests(): LiveRequest[] {
    return [...this.active.values()].map((e) => e.request)
  }

  private watch(ctx: CallContext): void {
    if (this.watched.has(ctx)) return
    this.watched.add(ctx)
    ctx.onClose(() => {
      for (const entry of [...this.active.values()]) if (entry.ctx === ctx) entry.request.stop()
    })
  }
}
