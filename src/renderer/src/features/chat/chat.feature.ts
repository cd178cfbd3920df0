/**
 * The chat pane: a new chat at '/chat', a saved conversation at '/chat/<id>', opened at a
 * message with '?message=<id>' (see conversationPath). Entering a
 * route opens what it names; chat-address.ts keeps the address in step when the pane
 * changes by itself (a first send, a deleted conversation).
 */
import { onConnectionLost } from '../../api'
import type { Feature } from '../../shell/feature'
import { ChatPane } from './ChatPane'
import { CONVERSATION_PATTERN, NEW_CHAT_PATH } from './chat-paths'
import { enterConversationRoute, enterNewChatRoute } from './chat-address'
import { failActiveStreams, selectOpenStream, stopStream, useChatStore } from './chat-store'
import { connectChatStream } from './stream-wiring'

export const chatFeature: Feature = {
  id: 'chat',
  routes: [
    {
      id: 'chat',
      path: NEW_CHAT_PATH,
      screen: ChatPane,
      enter: enterNewChatRoute,
    },
    {
      id: 'chat.conversation',
      path: CONVERSATION_PATTERN,
      screen: ChatPane,
      enter: ({ params, query }) => {
        if (params.conversationId) enterConversationRoute(params.conversationId, query.message)
      },
    },
  ],
  start: () => {
    connectChatStream()
    // The host is gone: no stream will finish.
    onConnectionLost(failActiveStreams)
  },
  shortcuts: [
    {
      // Esc stops the open reply (after the shell has closed any open panel).
      keys: 'Escape',
      run: () => {
        const stream = selectOpenStream(useChatStore.getState())
        if (!stream) return false
        void stopStream(stream)
      },
    },
  ],
}
