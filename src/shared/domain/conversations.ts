/** Stored conversations, their messages and settings. */
import type { AppError } from '../errors'

export type MessageRole = 'system' | 'user' | 'assistant'

/**
 * streaming: being written now; complete: finished normally; stopped: the user pressed Stop;
 * error: the call failed (see `error`); interrupted: the app died mid-stream.
 */
export type MessageStatus = 'streaming' | 'complete' | 'stopped' | 'error' | 'interrupted'

export interface Message {
  id: string
  conversationId: string
  role: MessageRole
  content: string
  status: MessageStatus
  model: string | null
  finishReason: string | null
  error: AppError | null
  createdAt: number
  /** The message this one answers or follows; null for the first message of a conversation. */
  parentId: string | null
  /** Every version of this message (siblings with the same parent and role), oldest first, this one included. */
  versionIds: string[]
}

export interface ConversationSummary {
  id: string
  title: string
  model: string
  createdAt: number
  updatedAt: number
  messageCount: number
}

/** A row of the sidebar list: the summary and the user's pin and archive marks. */
export interface ConversationListItem extends ConversationSummary {
  /** When it was pinned; null when not. Pinned conversations head the list. */
  pinnedAt: number | null
  /** When it was archived; null when not. */
  archivedAt: number | null
}

/** Which conversations a list or a search shows. Every field narrows; none means all live ones, archived excluded. */
export interface HistoryFilter {
  /** The model last used in the conversation. */
  model?: string
  /** Last activity at or after this time (ms since the epoch). */
  from?: number
  /** Last activity before this time (ms since the epoch). */
  to?: number
  /** exclude (the default): hide archived; only: show only archived; include: both. */
  archived?: 'exclude' | 'only' | 'include'
}

export interface ConversationPage {
  items: ConversationListItem[]
  /** Pass back to get the next page; null on the last page. Opaque. */
  nextCursor: string | null
}

/**
 * Sampling parameters Mistral's chat API takes, in our names. Only the ones the user set
 * are sent; the mapping to the API's snake_case fields lives in main.
 */
export interface ChatParams {
  /** 0 to 1.5; unset means the model's default_model_temperature. */
  temperature?: number
  topP?: number
  maxTokens?: number
  randomSeed?: number
  safePrompt?: boolean
  stop?: string[]
  presencePenalty?: number
  frequencyPenalty?: number
}

export interface ConversationSettings {
  systemPrompt: string
  params: ChatParams
}

export interface ConversationSearchHit extends ConversationSummary {
  /** Matching text with the hits wrapped in U+E000 … U+E001 markers (never HTML), or null for a title match. */
  snippet: string | null
}

export interface Conversation extends ConversationSummary, ConversationSettings {
  /** The visible thread: from the first message to the selected version of the last. */
  messages: Message[]
}

/** One matching message, enough to open the conversation scrolled to it. */
export interface MessageHit {
  messageId: string
  role: MessageRole
  createdAt: number
  /** Matching text with the hits wrapped in U+E000 … U+E001 markers (never HTML). */
  snippet: string
}

/** A conversation with matches: how many messages matched, and the first few of them. */
export interface HistorySearchGroup extends ConversationListItem {
  matchCount: number
  titleMatch: boolean
  /** The first matching messages in conversation order (at most a handful; matchCount counts all). */
  hits: MessageHit[]
}

export interface HistorySearchResult {
  groups: HistorySearchGroup[]
  /** words: the full-text index; substring: the trigram index, for scripts without spaces. */
  mode: 'words' | 'substring'
}
