import { showView } from '../../shell/app-store'
import { openConversation, useChatStore } from '../chat/chat-store'

/** Opens a conversation found by search, unless it is already the open one. */
export function openSearchHit(id: string): void {
  showView('chat')
  if (useChatStore.getState().openId !== id) void openConversation(id)
}
