/** The sidebar's history: New chat, and every saved conversation to reopen, rename or delete. */
import type { Feature } from '../../shell/feature'
import { connectConversationEvents } from './conversation-events'
import { ConversationList } from './ConversationList'
import { refreshConversations } from './conversations-store'
import { NewChatButton } from './NewChatButton'
import { startNewChat } from './start-chat'

export const conversationsFeature: Feature = {
  id: 'conversations',
  sidebar: [
    { id: 'conversations.new', place: 'top', component: NewChatButton },
    { id: 'conversations.list', place: 'fill', component: ConversationList },
  ],
  start: () => {
    connectConversationEvents()
    void refreshConversations()
  },
  shortcuts: [{ keys: 'Mod+N', run: () => startNewChat() }],
}
