/**
 * The chat pane and the address keep each other in step. '/chat/<id>' is that conversation.
 * '/chat' is the pane as it stands: a new chat, or the conversation that new chat became
 * with its first send; the address stays put then, so nothing moves under the user. Which
 * of the two it was is kept with the history entry, so Back, Forward and reload show it again.
 */
import { useEffect } from 'react'
import { currentLocation, entryData, navigate, setEntryData } from '../../shell/navigation'
import { chatPath, NEW_CHAT_PATH } from './chat-paths'
import { newChat, openConversation, revealMessage, useChatStore } from './chat-store'

/** The conversation a '/chat' entry showed: an id, null for a new chat, absent for an entry not yet shown. */
const SHOWN = 'chat.conversationId'

export function enterNewChatRoute(): void {
  const shown = entryData(SHOWN)
  const { openId } = useChatStore.getState()
  if (typeof shown === 'string') {
    if (openId !== shown) void openConversation(shown)
  } else if (shown === null && openId !== null) {
    newChat()
  }
  // Absent: a fresh entry (New chat, Settings pressed again) shows the pane as it is.
}

/** '/chat/<id>', or '/chat/<id>?message=<mid>' to open it at that message. */
export function enterConversationRoute(conversationId: string, messageId?: string): void {
  if (useChatStore.getState().openId !== conversationId) void openConversation(conversationId, messageId)
  else if (messageId) revealMessage(messageId)
}

/**
 * A conversation can change without a move: the first send saves the new chat, deleting
 * the open one starts a new chat. On '/chat' the entry records it; on '/chat/<id>' the
 * address follows, in place, keeping a '?message=' on the same conversation.
 */
export function useAddressFollowsPane(openId: string | null): void {
  useEffect(() => {
    const here = currentLocation()
    // No location: the fragment is someone else's (see router.ts), and stays until the user moves.
    if (!here) return
    if (here.path !== NEW_CHAT_PATH && here.path !== chatPath(openId)) navigate(chatPath(openId), { replace: true })
    if (currentLocation()?.path === NEW_CHAT_PATH) setEntryData(SHOWN, openId)
  }, [openId])
}
