/**
 * Starts a ReplyStream and registers it with the kernel's live requests, so Stop, a
 * closed window, a deleted conversation and shutdown all reach it. Events of a reply
 * go only to the caller that asked.
 */
import type { CallContext } from '../dispatch'
import type { LiveRequests } from '../kernel/streams/live-requests'
import { ReplyStream, type ReplyRequest, type ReplyStreamDeps, type ReplyTarget } from './reply-stream'

export interface StartOptions {
  target: ReplyTarget
  apiKey: string
  request: ReplyRequest
  ctx: CallContext
  onComplete?: () => void
}

export class ReplyStarter {
  constructor(
    private readonly live: LiveRequests,
    private readonly deps: ReplyStreamDeps,
  ) {}

  start({ target, apiKey, request, ctx, onComplete }: StartOptions): void {
    const stream = new ReplyStream(
      {
        target,
        apiKey,
        request,
        emit: (event) => ctx.emit('chat.stream', event),
        emitParts: (event) => ctx.emit('chat.parts', event),
        onEnd: (ended) => this.live.remove(ended.target.requestId),
        ...(onComplete ? { onComplete } : {}),
      },
      this.deps,
    )
    this.live.add(
      {
        requestId: target.requestId,
        conversationId: target.conversationId,
        stop: () => stream.stop(),
        interrupt: () => stream.interrupt(),
      },
      ctx,
    )
    stream.run().catch((err: unknown) => {
      // end() already logs its own failures; this is a last guard against an unhandled rejection.
      this.deps.logger.error('Chat stream could not be finalized', { requestId: target.requestId, error: err })
    })
  }
}
