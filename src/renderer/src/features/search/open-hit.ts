import { navigate } from '../../shell/navigation'
import { conversationPath } from '../chat/chat-paths'

/** Opens a conversation found by search, scrolled to the matching message when there is one. */
export function openSearchHit(id: string, messageId?: string): void {
  navigate(conversationPath(id, messageId))
}
