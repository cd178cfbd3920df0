import { navigate } from '../../shell/navigation'
import { conversationPath } from '../chat/chat-paths'

/** Opens a conversation found by search; entering its route does nothing when it is already open. */
export function openSearchHit(id: string): void {
  navigate(conversationPath(id))
}
