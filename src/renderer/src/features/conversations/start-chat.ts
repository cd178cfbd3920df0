/** Starting a chat from anywhere (button, Ctrl/Cmd+N, a preset) ends in the composer, ready to type. */
import type { ConversationSettings } from '../../../../shared/domain'
import { focusComposer } from '../../components/focus'
import { navigate } from '../../shell/navigation'
import { NEW_CHAT_PATH } from '../chat/chat-paths'
import { newChat } from '../chat/chat-store'

export function startNewChat(settings?: ConversationSettings): void {
  // First, so that entering '/chat' finds the new chat already there and keeps its settings.
  newChat(settings)
  navigate(NEW_CHAT_PATH)
  focusComposer()
}
