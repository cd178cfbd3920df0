/** Stored conversations and their messages: list, open, search, rename, settings, versions, delete. */
import { z } from 'zod'
import type { Conversation, ConversationPage, ConversationSearchHit, HistorySearchResult, ConversationSettings, ConversationSummary } from '../domain'
import { channel, empty, id, modelId, returns } from './define'

const time = z.number().int().min(0).max(8.64e15)
export const historyFilterSchema = z
  .object({
    model: modelId.optional(),
    from: time.optional(),
    to: time.optional(),
    archived: z.enum(['exclude', 'only', 'include']).optional(),
  })
  .strict()

const query = z.string().trim().min(1).max(500)

/** A selection in the sidebar: operations on it run in one transaction. */
const ids = z.array(id).min(1).max(5000)

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
  /** Every live, unarchived conversation at once. Prefer conversations.page: this one grows with history. */
  'conversations.list': channel(empty, returns<ConversationSummary[]>()),
  /** The sidebar list one page at a time: pinned first, then newest activity. Works offline. */
  'conversations.page': channel(
    z
      .object({
        filter: historyFilterSchema.optional(),
        cursor: z.string().min(1).max(200).optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    returns<ConversationPage>(),
  ),
  'conversations.setPinned': channel(z.object({ ids, pinned: z.boolean() }).strict(), returns<{ changed: number }>()),
  'conversations.setArchived': channel(z.object({ ids, archived: z.boolean() }).strict(), returns<{ changed: number }>()),
  /** Full-text search over titles and message text, newest first. Works offline. */
  'conversations.search': channel(
    z.object({ query }).strict(),
    returns<ConversationSearchHit[]>(),
  ),
  /**
   * Matching messages grouped by conversation with match counts and snippets: words,
   * "phrases", prefix*, -exclusions; substring search for scripts without spaces. Works offline.
   */
  'conversations.searchMessages': channel(
    z
      .object({ query, filter: historyFilterSchema.optional(), limit: z.number().int().min(1).max(200).optional() })
      .strict(),
    returns<HistorySearchResult>(),
  ),
  /** Every message of one conversation matching the query, in order: next/previous match. */
  'conversations.matchesIn': channel(z.object({ id, query }).strict(), returns<{ messageIds: string[] }>()),
  'conversations.get': channel(z.object({ id }).strict(), returns<Conversation>()),
  'conversations.rename': channel(
    z.object({ id, title: z.string().trim().min(1).max(200) }).strict(),
    returns<ConversationSummary>(),
  ),
  /** Moves it to the trash; conversations.restore brings it back for 30 s (the UI offers Undo for 10 s). */
  'conversations.delete': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),
  'conversations.deleteMany': channel(z.object({ ids }).strict(), returns<{ deleted: number }>()),
  /** Undoes a delete; fails with not_found when it is too late for all of them. */
  'conversations.restore': channel(z.object({ ids }).strict(), returns<{ restored: number }>()),
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
