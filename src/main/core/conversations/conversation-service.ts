/**
 * The conversation channels that read or reshape history without calling the API:
 * the list, the visible thread, switching versions, deleting one message or a whole
 * conversation, settings, renaming and search.
 */
import type {
  Conversation,
  ConversationPage,
  ConversationSearchHit,
  ConversationSettings,
  ConversationSummary,
  HistoryFilter,
  HistorySearchResult,
  Message,
} from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import { MessageTree } from './message-tree'
import { toSummary, type ConversationsRepo, type StoredConversation } from './conversations-repo'
import type { MessagesRepo, StoredMessage } from './messages-repo'
import type { SearchRepo } from './search-repo'
import type { LiveRequests } from '../kernel/streams/live-requests'
import type { Clock } from '../ports'
import { decodeCursor, encodeCursor } from './list-cursor'
import type { MessageSearchRepo } from './search/message-search-repo'
import { parseQuery } from './search/query'

/**
 * How long a deleted conversation stays restorable. The renderer offers Undo for 10 s;
 * the margin covers a slow click and a round trip. Older trash is purged.
 */
export const UNDO_WINDOW_MS = 30_000
export const PAGE_SIZE = 100

export interface ConversationServiceDeps {
  conversations: ConversationsRepo
  messages: MessagesRepo
  search: SearchRepo
  messageSearch: MessageSearchRepo
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T
  /** Replies streaming now: their rows must not move under them. */
  live: LiveRequests
  clock: Clock
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

  /** One page of the sidebar list in its order (pinned first, then newest activity). */
  page(filter: HistoryFilter = {}, cursor?: string, limit = PAGE_SIZE): ConversationPage {
    const { items, last, more } = this.deps.conversations.page(filter, cursor ? decodeCursor(cursor) : null, limit)
    return { items, nextCursor: more && last ? encodeCursor(last) : null }
  }

  setPinned(ids: readonly string[], pinned: boolean): { changed: number } {
    return { changed: this.deps.conversations.setPinned(ids, pinned, this.deps.clock.now()) }
  }

  setArchived(ids: readonly string[], archived: boolean): { changed: number } {
    return { changed: this.deps.conversations.setArchived(ids, archived, this.deps.clock.now()) }
  }

  delete(id: string): { deleted: boolean } {
    return { deleted: this.deleteMany([id]).deleted === 1 }
  }

  /**
   * Moves them to the trash, restorable for UNDO_WINDOW_MS. Stops any reply streaming
   * into them first: a stream must not write into a conversation the user removed.
   */
  deleteMany(ids: readonly string[]): { deleted: number } {
    for (const id of ids) this.deps.live.stopConversation(id)
    const now = this.deps.clock.now()
    return this.deps.transaction(() => {
      this.purgeExpired(now)
      return { deleted: this.deps.conversations.trash(ids, now) }
    })
  }

  /** Undoes a delete. Fails when none of them can come back (the window has passed). */
  restore(ids: readonly string[]): { restored: number } {
    const restored = this.deps.transaction(() => {
      this.purgeExpired(this.deps.clock.now())
      return this.deps.conversations.restore(ids)
    })
    if (restored === 0) fail('not_found', 'Too late to undo: the conversation was deleted for good.')
    return { restored }
  }

  /** Deletes for good what the user deleted more than UNDO_WINDOW_MS ago. */
  purgeExpired(now = this.deps.clock.now()): number {
    return this.deps.conversations.purgeTrashed(now - UNDO_WINDOW_MS)
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

  /** Matching messages grouped by conversation, newest activity first. Local only: works offline. */
  searchMessages(query: string, filter: HistoryFilter = {}, limit?: number): HistorySearchResult {
    const parsed = parseQuery(query)
    return { groups: this.deps.messageSearch.search(parsed, filter, limit), mode: parsed.substring ? 'substring' : 'words' }
  }

  /** Every matching message of one conversation, in order, for next/previous match. */
  matchesIn(id: string, query: string): { messageIds: string[] } {
    this.stored(id)
    return { messageIds: this.deps.messageSearch.matchIds(parseQuery(query), id) }
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
