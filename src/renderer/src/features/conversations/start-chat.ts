/** Starting a chat from anywhere (button, Ctrl/Cmd+N, a preset) ends in the composer, ready to type. */
import type { ConversationSettings } from '../../../../shared/domain'
import { focusComposer } from '../../components/focus'
import { showView } from '../../shell/app-store'
import { newChat } from '../chat/chat-store'

export function startNewChat(settings?: ConversationSettings): void {
  newChat(settings)
  showView('chat')
  focusComposer()
}
