/** Stored conversations and messages: the tables, their full-text index, and the channels that read or reshape them. */
import * as m001 from './migrations/001-conversations-messages'
import * as m002 from './migrations/002-threads-settings'
import type { FeatureModule } from '../module'
import { ConversationService } from './conversation-service'
import { ConversationsRepo } from './conversations-repo'
import { MessagesRepo } from './messages-repo'
import { SearchRepo } from './search-repo'

export const conversationsModule: FeatureModule = {
  name: 'conversations',
  migrations: [m001, m002],
  create(kernel) {
    const history = new ConversationService({
      conversations: new ConversationsRepo(kernel.db),
      messages: new MessagesRepo(kernel.db),
      search: new SearchRepo(kernel.db),
      transaction: kernel.transaction,
      live: kernel.live,
    })
    return {
      handlers: {
        'conversations.list': () => history.list(),
        'conversations.search': ({ query }) => history.search(query),
        'conversations.get': ({ id }) => history.view(id),
        'conversations.rename': ({ id, title }) => history.rename(id, title),
        'conversations.delete': ({ id }) => history.delete(id),
        'conversations.updateSettings': ({ id, settings }) => history.updateSettings(id, settings),
        'messages.selectVersion': ({ id }) => history.selectVersion(id),
        'messages.delete': ({ id }) => history.deleteMessage(id),
      },
    }
  },
}
