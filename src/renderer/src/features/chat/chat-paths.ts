/** Where the chat lives in the address: '/chat' is a new chat, '/chat/<id>' a saved one. */
import { buildPath } from '../../shell/router'

export const NEW_CHAT_PATH = '/chat'
export const CONVERSATION_PATTERN = '/chat/:conversationId'

/** A conversation; with `messageId`, opened at that message. */
export function conversationPath(conversationId: string, messageId?: string): string {
  return buildPath(CONVERSATION_PATTERN, { conversationId }, messageId ? { message: messageId } : {})
}

/** The path that shows the chat pane as it is: the open conversation, or the new chat. */
export function chatPath(openId: string | null): string {
  return openId === null ? NEW_CHAT_PATH : conversationPath(openId)
}
