/** Stored conversations and their messages: list, open, search, rename, settings, versions, delete. */
import { z } from 'zod'
import type { Conversation, ConversationSearchHit, ConversationSettings, ConversationSummary } from '../domain'
import { channel, empty, id, returns } from './define'

/** The ranges Mistral's chat API accepts (openapi.yaml, ChatCompletionRequest). */
export const chatParamsSchema = z
  .object({
    temperature: z.number().min(0).max(1.5).optional(),
    topP: z.number().min(0).max(1).optional(),
    maxTokens: z.number().int().min(1).max(1_000_000).optional(),
    randomSeed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    safePrompt: z.boolean().optional(),
    stop: z.array(z.string().min(1).max(100)).max(8).optional(),
    presencePenalty: z.number().min(-2).max(2).optional(),
    frequencyPenalty: z.number().min(-2).max(2).optional(),
  })
  .strict()

export const conversationSettingsSchema = z
  .object({ systemPrompt: z.string().max(100_000), params: chatParamsSchema })
  .strict()

export const channels = {
  'conversations.list': channel(empty, returns<ConversationSummary[]>()),
  /** Full-text search over titles and message text, newest first. Works offline. */
  'conversations.search': channel(
    z.object({ query: z.string().trim().min(1).max(500) }).strict(),
    returns<ConversationSearchHit[]>(),
  ),
  'conversations.get': channel(z.object({ id }).strict(), returns<Conversation>()),
  'conversations.rename': channel(
    z.object({ id, title: z.string().trim().min(1).max(200) }).strict(),
    returns<ConversationSummary>(),
  ),
  'conversations.delete': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),
  'conversations.updateSettings': channel(
    z.object({ id, settings: conversationSettingsSchema }).strict(),
    returns<ConversationSettings>(),
  ),

  /** Shows another version of a message; the thread below it follows that version. */
  'messages.selectVersion': channel(z.object({ id }).strict(), returns<Conversation>()),
  /** Deletes one message; messages after it stay, attached to the one before it. */
  'messages.delete': channel(z.object({ id }).strict(), returns<Conversation>()),
}

export const events = {
  /** A conversation changed outside the caller's own request, e.g. it got its automatic title. */
  'conversations.changed': returns<ConversationSummary>(),
}
