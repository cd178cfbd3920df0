/** Streamed replies. */
import type { AppError } from '../errors'
import type { Usage } from './usage'

/** Events of one streamed reply, keyed by the requestId that `chat.send` returned. */
export type ChatStreamEvent =
  | { type: 'delta'; requestId: string; conversationId: string; messageId: string; text: string }
  | {
      type: 'done'
      requestId: string
      conversationId: string
      messageId: string
      finishReason: string | null
      usage: Usage | null
    }
  | { type: 'stopped'; requestId: string; conversationId: string; messageId: string }
  | { type: 'error'; requestId: string; conversationId: string; messageId: string; error: AppError }

export interface StartedReply {
  requestId: string
  conversationId: string
  userMessageId: string | null
  assistantMessageId: string
}
