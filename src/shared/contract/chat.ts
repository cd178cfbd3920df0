/** Streamed replies: send, retry, regenerate, edit, continue and stop. */
import { z } from 'zod'
import type { ChatStreamEvent, StartedReply } from '../domain'
import { conversationSettingsSchema } from './conversations'
import { channel, id, modelId, returns } from './define'

const messageText = z.string().min(1).max(1_000_000)
/** When the history would overflow the model's context window, drop the oldest turns instead of failing. */
const trimToFit = z.boolean().optional()

export const channels = {
  /** Starts a streamed reply. Without conversationId a new conversation is created. */
  'chat.send': channel(
    z
      .object({
        conversationId: id.optional(),
        model: modelId,
        content: messageText,
        /** For a new conversation: its system prompt and parameters (e.g. from a preset). */
        settings: conversationSettingsSchema.optional(),
        trimToFit,
      })
      .strict(),
    returns<StartedReply>(),
  ),
  /** Streams a fresh reply in place of a failed, stopped or interrupted one. */
  'chat.retry': channel(z.object({ messageId: id }).strict(), returns<StartedReply>()),
  /** A new version of a reply, beside the earlier ones. The model may differ from the first. */
  'chat.regenerate': channel(z.object({ messageId: id, model: modelId.optional() }).strict(), returns<StartedReply>()),
  /** A new version of a sent message, and a reply to it. The earlier versions stay. */
  'chat.edit': channel(z.object({ messageId: id, content: messageText, trimToFit }).strict(), returns<StartedReply>()),
  /** Continues a reply cut by max_tokens (finish_reason "length") with Mistral's prefix mode. */
  'chat.continue': channel(z.object({ messageId: id }).strict(), returns<StartedReply>()),
  'chat.stop': channel(z.object({ requestId: id }).strict(), returns<{ stopped: boolean }>()),
}

export const events = {
  'chat.stream': returns<ChatStreamEvent>(),
}
