/**
 * The rows a reply starts from, each set written in one transaction: a user message
 * and its reply, a new version of a reply, or an existing reply put back to streaming.
 * Whatever is written becomes the end of the visible thread (conversations.leaf_id).
 */
import { randomUUID } from 'node:crypto'
import { AppErrorException, appError } from '../../../shared/errors'
import type { ConversationsRepo, NewConversation } from '../conversations/conversations-repo'
import type { MessagesRepo, StoredMessage } from '../conversations/messages-repo'
import type { Clock } from '../ports'

export interface TurnWriterDeps {
  messages: MessagesRepo
  conversations: ConversationsRepo
  clock: Clock
  transaction<T>(fn: () => T): T
}

export interface NewTurn {
  conversationId: string
  /** The message the user's follows (the current leaf, or the edited message's parent). */
  parentId: string | null
  content: string
  model: string
  /** Created in the same transaction, for chat.send without a conversation. */
  newConversation?: NewConversation
}

export class TurnWriter {
  constructor(private readonly deps: TurnWriterDeps) {}

  /** A user message and the empty, streaming reply to it. */
  userTurn(turn: NewTurn): { user: StoredMessage; reply: StoredMessage } {
    const now = this.deps.clock.now()
    return this.deps.transaction(() => {
      if (turn.newConversation) this.deps.conversations.insert(turn.newConversation)
      const user = this.deps.messages.insert({
        id: randomUUID(),
        conversationId: turn.conversationId,
        parentId: turn.parentId,
        role: 'user',
        content: turn.content,
        status: 'complete',
        model: null,
        createdAt: now,
      })
      return { user, reply: this.insertReply(turn.conversationId, user.id, turn.model, now) }
    })
  }

  /** Another version of a reply: a sibling under the same parent. */
  replyVersion(conversationId: string, parentId: string | null, model: string): StoredMessage {
    const now = this.deps.clock.now()
    return this.deps.transaction(() => this.insertReply(conversationId, parentId, model, now))
  }

  /**
   * Puts a finished reply back to streaming: `restart` empties it (retry), `resume`
   * keeps its text (continue). `leafId` is the thread to show, which runs through it.
   */
  reopen(message: StoredMessage, mode: 'restart' | 'resume', model: string, leafId: string): void {
    const now = this.deps.clock.now()
    this.deps.transaction(() => {
      const reopened =
        mode === 'restart' ? this.deps.messages.restart(message.id, model, now) : this.deps.messages.resume(message.id, model, now)
      if (!reopened) throw new AppErrorException(appError('invalid_input', 'This reply is already streaming.'))
      this.deps.conversations.setLeaf(message.conversationId, leafId)
      this.deps.conversations.touch(message.conversationId, model, now)
    })
  }

  private insertReply(conversationId: string, parentId: string | null, model: string, now: number): StoredMessage {
    const reply = this.deps.messages.insert({
      id: randomUUID(),
      conversationId,
      parentId,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model,
      createdAt: now,
    })
    this.deps.conversations.setLeaf(conversationId, reply.id)
    this.deps.conversations.touch(conversationId, model, now)
    return reply
  }
}
