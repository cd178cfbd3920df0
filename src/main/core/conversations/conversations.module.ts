/** Stored conversations and messages: the tables, their full-text index, and the channels that read or reshape them. */
import * as m001 from './migrations/001-conversations-messages'
import * as m002 from './migrations/002-threads-settings'
import * as m003 from './migrations/003-pin-archive-trash'
import * as m004 from './migrations/004-trigram-search'
import type { FeatureModule } from '../module'
import { ConversationService } from './conversation-service'
import { ConversationsRepo } from './conversations-repo'
import { MessagesRepo } from './messages-repo'
import { SearchRepo } from './search-repo'
import { MessageSearchRepo } from './search/message-search-repo'

export const conversationsModule: FeatureModule = {
  name: 'conversations',
  migrations: [m001, m002, m003, m004],
  create(kernel) {
    const history = new ConversationService({
      conversations: new ConversationsRepo(kernel.db),
      messages: new MessagesRepo(kernel.db),
      search: new SearchRepo(kernel.db),
      messageSearch: new MessageSearchRepo(kernel.db),
      transaction: kernel.transaction,
      live: kernel.live,
      clock: kernel.clock,
    })
    // Trash left by the last session (closed within the undo window) is past undoing now.
    history.purgeExpired()
    return {
      handlers: {
        'conversations.list': () => history.list(),
        'conversations.search': ({ query }) => history.search(query),
        'conversations.searchMessages': ({ query, filter, limit }) => history.searchMessages(query, filter, limit),
        'conversations.matchesIn': ({ id, query }) => history.matchesIn(id, query),
        'conversations.get': ({ id }) => history.view(id),
        'conversations.rename': ({ id, title }) => history.rename(id, title),
        'conversations.page': ({ filter, cursor, limit }) => history.page(filter, cursor, limit),
        'conversations.setPinned': ({ ids, pinned }) => history.setPinned(ids, pinned),
        'conversations.setArchived': ({ ids, archived }) => history.setArchived(ids, archived),
        'conversations.delete': ({ id }) => history.delete(id),
        'conversations.deleteMany': ({ ids }) => history.deleteMany(ids),
        'conversations.restore': ({ ids }) => history.restore(ids),
        'conversations.updateSettings': ({ id, settings }) => history.updateSettings(id, settings),
        'messages.selectVersion': ({ id }) => history.selectVersion(id),
        'messages.delete': ({ id }) => history.deleteMessage(id),
      },
    }
  },
}
