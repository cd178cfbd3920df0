/**
 * chat.send / chat.retry / chat.stop. Rows are written and the StartedReply returned
 * at once; the reply streams in the background as a ReplyStream, whose events go
 * only to the caller that asked. A caller that goes away has its streams stopped.
 */
import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../../shared/contract'
import type { StartedReply } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { CallContext } from '../dispatch'
import { NO_KEY_MESSAGE } from '../mistral/errors'
import type { ChatTurn } from '../mistral/mistral-client'
import { historyBefore, titleFrom } from './history'
import { ReplyStream, type ReplyStreamDeps, type ReplyTarget } from './reply-stream'

export interface ChatServiceDeps extends ReplyStreamDeps {
  /** The key to call Mistral with right now, or null. */
  currentKey(): string | null
}

const RETRYABLE = new Set(['error', 'stopped', 'interrupted'])

const fail = (code: 'not_found' | 'invalid_input' | 'no_key', message: string): never => {
  throw new AppErrorException(appError(code, message))
}

export class ChatService {
  private readonly active = new Map<string, { stream: ReplyStream; ctx: CallContext }>()
  private readonly watched = new WeakSet<CallContext>()

  constructor(private readonly deps: ChatServiceDeps) {}

  send(input: ParsedInput<'chat.send'>, ctx: CallContext): StartedReply {
    const apiKey = this.requireKey()
    const { conversations, messages, clock } = this.deps
    const now = clock.now()
    const isNew = !input.conversationId
    const conversationId = input.conversationId ?? randomUUID()
    if (!isNew) {
      if (!conversations.get(conversationId)) fail('not_found', 'This conversation no longer exists.')
      this.refuseIfStreaming(conversationId)
    }
    const { userMessageId, assistant } = this.deps.transaction(() => {
      if (isNew) {
        conversations.insert({ id: conversationId, title: titleFrom(input.content), model: input.model, createdAt: now })
      }
      const base = { conversationId, createdAt: now }
      const user = messages.insert({ ...base, id: randomUUID(), role: 'user', content: input.content, status: 'complete', model: null })
      const reply = messages.insert({ ...base, id: randomUUID(), role: 'assistant', content: '', status: 'streaming', model: input.model })
      conversations.touch(conversationId, input.model, now)
      return { userMessageId: user.id, assistant: reply }
    })
    const history = historyBefore(messages.listByConversation(conversationId), assistant.seq)
    const target = { requestId: randomUUID(), conversationId, messageId: assistant.id, model: input.model }
    this.start(target, apiKey, history, ctx)
    return { requestId: target.requestId, conversationId, userMessageId, assistantMessageId: assistant.id }
  }

  /** Re-streams a failed, stopped or interrupted reply into the same row, from the history before it. */
  retry(input: ParsedInput<'chat.retry'>, ctx: CallContext): StartedReply {
    const apiKey = this.requireKey()
    const { conversations, messages, clock } = this.deps
    const message = messages.get(input.messageId) ?? fail('not_found', 'This message no longer exists.')
    if (message.role !== 'assistant') fail('invalid_input', 'Only a reply can be retried.')
    this.refuseIfStreaming(message.conversationId)
    if (!RETRYABLE.has(message.status)) {
      fail('invalid_input', 'This reply finished normally; send a new message to continue.')
    }
    const conversation = conversations.get(message.conversationId) ?? fail('not_found', 'This conversation no longer exists.')
    const model = message.model ?? conversation.model
    const now = clock.now()
    this.deps.transaction(() => {
      messages.restart(message.id, model, now)
      conversations.touch(message.conversationId, model, now)
    })
    const history = historyBefore(messages.listByConversation(message.conversationId), message.seq)
    const target = { requestId: randomUUID(), conversationId: message.conversationId, messageId: message.id, model }
    this.start(target, apiKey, history, ctx)
    return { requestId: target.requestId, conversationId: target.conversationId, userMessageId: null, assistantMessageId: message.id }
  }

  stop(input: ParsedInput<'chat.stop'>): { stopped: boolean } {
    const entry = this.active.get(input.requestId)
    return { stopped: entry ? entry.stream.stop() : false }
  }

  /** Before a conversation is deleted, so no stream writes into rows that are gone. */
  stopConversation(conversationId: string): void {
    for (const { stream } of [...this.active.values()]) {
      if (stream.target.conversationId === conversationId) stream.stop()
    }
  }

  /** Core shutdown: every live reply is saved as `interrupted` before SQLite closes. */
  close(): void {
    for (const { stream } of [...this.active.values()]) stream.interrupt()
  }

  private start(target: ReplyTarget, apiKey: string, history: ChatTurn[], ctx: CallContext): void {
    const stream = new ReplyStream(
      target,
      apiKey,
      history,
      (event) => ctx.emit('chat.stream', event),
      this.deps,
      (ended) => this.active.delete(ended.target.requestId),
    )
    this.active.set(target.requestId, { stream, ctx })
    this.watch(ctx)
    stream.run().catch((err: unknown) => {
      // end() already logs its own failures; this is a last guard against an unhandled rejection.
      this.deps.logger.error('Chat stream could not be finalized', { requestId: target.requestId, error: err })
    })
  }

  /** A window closed or a socket dropped: stop its streams (the architecture's rule). */
  private watch(ctx: CallContext): void {
    if (this.watched.has(ctx)) return
    this.watched.add(ctx)
    ctx.onClose(() => {
      for (const entry of [...this.active.values()]) if (entry.ctx === ctx) entry.stream.stop()
    })
  }

  /** One reply at a time per conversation: a second would interleave with the first's history. */
  private refuseIfStreaming(conversationId: string): void {
    for (const { stream } of this.active.values()) {
      if (stream.target.conversationId === conversationId) {
        fail('invalid_input', 'A reply is still streaming in this conversation. Stop it or wait for it to finish.')
      }
    }
  }

  private requireKey(): string {
    return this.deps.currentKey() ?? fail('no_key', NO_KEY_MESSAGE)
  }
}
