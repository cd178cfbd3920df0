import type { AppError } from './errors'

/** What the renderer may know about the stored key: never the key itself. */
export interface KeyStatus {
  set: boolean
  last4: string | null
  /** Where the key lives: OS keychain, this session's memory only, or the environment. */
  source: 'keychain' | 'memory' | 'env' | null
  /** Electron safeStorage backend on Linux ("basic_text", "gnome_libsecret", ...), or "none". */
  backend: string
  /** True when the OS offers no real encryption, so the key is kept in memory unless the user opts in. */
  weakEncryption: boolean
}

export interface ModelSummary {
  id: string
  name: string
  description: string
  maxContextLength: number
  aliases: string[]
  capabilities: {
    chat: boolean
    functionCalling: boolean
    vision: boolean
    reasoning: boolean
    fim: boolean
    ocr: boolean
  }
  defaultTemperature: number | null
  deprecated: boolean
}

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

/** A named starting point for new chats. */
export interface Preset extends ConversationSettings {
  id: string
  name: string
  model: string
  createdAt: number
}

export interface Usage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
}

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
