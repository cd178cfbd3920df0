/**
 * Start-up, outside React so StrictMode's double effects cannot run it twice:
 * wire the host connection and the stream, then load what the first screen needs.
 */
import { isBrowserHost, onConnectionLost } from '../api'
import { connectChatStream } from '../features/chat/stream-wiring'
import { connectConversationEvents } from '../features/conversations/conversation-events'
import { setConnectionError } from './app-store'
import { failActiveStreams } from '../features/chat/chat-stream'
import { refreshConversations } from '../features/conversations/conversations-store'
import { loadModels } from '../features/models/models-store'
import { loadPresets } from '../features/presets/presets-store'
import { loadKeyStatus } from '../features/settings/key-store'
import { stripTokenFromAddressBar } from '../ws-bridge'

export function bootstrap(): void {
  if (isBrowserHost()) stripTokenFromAddressBar(window.location, window.history)
  onConnectionLost((error) => {
    setConnectionError(error)
    failActiveStreams(error)
  })
  connectChatStream()
  connectConversationEvents()
  void loadKeyStatus().then((status) => {
    // Listing models needs a key; without one the chat pane asks for it instead.
    if (status?.set) void loadModels()
  })
  void refreshConversations()
  void loadPresets()
}
