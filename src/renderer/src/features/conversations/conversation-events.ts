/** Keeps the sidebar in step with changes main makes on its own, such as an automatic title. */
import { subscribe } from '../../api'
import { applyConversationChange } from './conversations-store'

export function connectConversationEvents(): () => void {
  return subscribe('conversations.changed', applyConversationChange)
}
