/** A ConversationService over a temp database with a settable clock, for the history tests. Test-only. */
import type { Db } from '../../kernel/db/database'
import { LiveRequests } from '../../kernel/streams/live-requests'
import { openAppDatabase } from '../../schema'
import { makeTempDir } from '../../testing/temp-dir'
import { ConversationService } from '../conversation-service'
import { ConversationsRepo } from '../conversations-repo'
import { MessagesRepo, type NewMessage } from '../messages-repo'
import { SearchRepo } from '../search-repo'
import { MessageSearchRepo } from '../search/message-search-repo'

export class HistoryFixture {
  readonly db: Db
  readonly conversations: ConversationsRepo
  readonly messages: MessagesRepo
  readonly history: ConversationService
  now = 1_000_000
  private readonly tmp = makeTempDir()

  constructor() {
    this.db = openAppDatabase(this.tmp.dir)
    this.conversations = new ConversationsRepo(this.db)
    this.messages = new MessagesRepo(this.db)
    this.history = new ConversationService({
      conversations: this.conversations,
      messages: this.messages,
      search: new SearchRepo(this.db),
      messageSearch: new MessageSearchRepo(this.db),
      transaction: (fn) => this.db.transaction(fn)(),
      live: new LiveRequests(),
      clock: { now: () => this.now },
    })
  }

  get dataDir(): string {
    return this.tmp.dir
  }

  /** A conversation with one message per text, each following the one before, alternating user/assistant. */
  conversation(id: string, texts: readonly string[], at = 1, model = 'mistral-small-latest'): string[] {
    this.conversations.insert({ id, title: `Chat ${id}`, model, createdAt: at })
    let parentId: string | null = null
    return texts.map((content, i) => {
      const m: NewMessage = {
        id: `${id}-m${i}`, conversationId: id, parentId, role: i % 2 === 0 ? 'user' : 'assistant',
        content, status: 'complete', model: null, createdAt: at + i,
      }
      parentId = this.messages.insert(m).id
      return parentId
    })
  }

  close(): void {
    this.db.close()
    this.tmp.cleanup()
  }
}
