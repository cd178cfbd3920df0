/**
 * The conversation channels that read or reshape history without calling the API:
 * the list, the visible thread, switching versions, deleting one message or a whole
 * conversation, settings, renaming and search.
 */
import type { Conversation, ConversationSearchHit, ConversationSettings, ConversationSummary, Message } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import { MessageTree } from './message-tree'
import { toSummary, type ConversationsRepo, type StoredConversation } from './conversations-repo'
import type { MessagesRepo, StoredMessage } from './messages-repo'
import type { SearchRepo } from './search-repo'
import type { LiveRequests } from '../kernel/streams/live-requests'

export interface ConversationServiceDeps {
  conversations: ConversationsRepo
  messages: MessagesRepo
  search: SearchRepo
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T
  /** Replies streaming now: their rows must not move under them. */
  live: LiveRequests
}

const fail = (code: 'not_found' | 'invalid_input', message: string): never => {
  throw new AppErrorException(appError(code, message))
}
const GONE = 'This conversation no longer exists.'
const MESSAGE_GONE = 'This message no longer exists.'

export class ConversationService {
  constructor(private readonly deps: ConversationServiceDeps) {}

  list(): ConversationSummary[] {
    return this.deps.conversations.list()
  }

  /** Stops any reply streaming into it first, so no stream writes into rows that are gone. */
  delete(id: string): { deleted: boolean } {
    this.deps.live.stopConversation(id)
    return { deleted: this.deps.conversations.delete(id) }
  }

  /** The conversation with its visible thread: from the root to the selected leaf. */
  view(id: string): Conversation {
    const conversation = this.deps.conversations.get(id) ?? fail('not_found', GONE)
    const tree = this.tree(id)
    const leaf = tree.resolveLeaf(conversation.leafId)
    const messages = tree.pathTo(leaf?.id ?? null).map((m) => toMessage(m, tree.versionIds(m)))
    const { systemPrompt, params } = conversation
    return { ...toSummary(conversation), systemPrompt, params, messages }
  }

  /** Shows the thread through message `id`: the one last grown below it. */
  selectVersion(id: string): Conversation {
    const message = this.deps.messages.get(id) ?? fail('not_found', MESSAGE_GONE)
    const leaf = this.tree(message.conversationId).latestLeafUnder(id)
    this.deps.conversations.setLeaf(message.conversationId, leaf?.id ?? id)
    return this.view(message.conversationId)
  }

  /**
   * Deletes one message. What followed it stays, attached to the message before it.
   * If the thread on screen ended there, it now ends at the newest leaf under that
   * message (the message itself when nothing else follows it).
   */
  deleteMessage(id: string): Conversation {
    const message = this.deps.messages.get(id) ?? fail('not_found', MESSAGE_GONE)
    const conversationId = message.conversationId
    this.deps.live.refuseIfStreaming(conversationId)
    const conversation = this.deps.conversations.get(conversationId) ?? fail('not_found', GONE)
    this.deps.transaction(() => {
      this.deps.messages.reparentChildren(id, message.parentId)
      this.deps.messages.delete(id)
      if (conversation.leafId === id || conversation.leafId === null) {
        const tree = this.tree(conversationId)
        const leaf = message.parentId !== null ? tree.latestLeafUnder(message.parentId) : tree.newestLeaf()
        this.deps.conversations.setLeaf(conversationId, leaf?.id ?? null)
      }
    })
    return this.view(conversationId)
  }

  updateSettings(id: string, settings: ConversationSettings): ConversationSettings {
    if (!this.deps.conversations.updateSettings(id, settings)) fail('not_found', GONE)
    const stored = this.stored(id)
    return { systemPrompt: stored.systemPrompt, params: stored.params }
  }

  rename(id: string, title: string): ConversationSummary {
    if (!this.deps.conversations.rename(id, title)) fail('not_found', GONE)
    return toSummary(this.stored(id))
  }

  search(query: string): ConversationSearchHit[] {
    return this.deps.search.search(query)
  }

  private stored(id: string): StoredConversation {
    return this.deps.conversations.get(id) ?? fail('not_found', GONE)
  }

  private tree(conversationId: string): MessageTree<StoredMessage> {
    return new MessageTree(this.deps.messages.listByConversation(conversationId))
  }
}

/** seq is storage detail; the contract's Message carries versionIds instead. */
function toMessage({ seq: _seq, ...message }: StoredMessage, versionIds: string[]): Message {
  return { ...message, versionIds }
}
