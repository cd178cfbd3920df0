/** Streamed replies, and what a reply holds beyond its text: thinking, citations, tool calls. */
import type { AppError } from '../errors'
import type { Usage } from './usage'

/**
 * The non-text pieces of a reply, in the order they arrived. The answer text itself
 * stays in the message's `content` (searchable, sent back to the model); these are kept
 * beside it so a content array from any model is stored and shown, never dropped.
 */
export type MessagePart =
  /** A reasoning model's thinking. Shown collapsed; never sent back in the next request. */
  | { type: 'thinking'; text: string }
  /** A citation after the answer text up to `offset` (characters of `content`). */
  | { type: 'reference'; ids: (number | string)[]; offset: number }
  /** A chunk type this app does not know (yet): shown as "unsupported content" with its type. */
  | { type: 'unsupported'; chunkType: string }

/** A function call the model made, its id kept exactly as Mistral gave it. */
export interface ToolCallRecord {
  id: string
  name: string
  /** The JSON text the model wrote; it may be invalid JSON, which is shown as such. */
  arguments: string
  /** The answer sent back as the `tool` message; null until answered. */
  result: string | null
}

/** A source a reference chunk points at, found in the tool result that supplied it. */
export interface CitationSource {
  id: number | string
  title: string
  url: string | null
  snippet: string | null
}

export interface MessageDetails {
  parts: MessagePart[]
  toolCalls: ToolCallRecord[]
  /** Sources of this reply's reference chunks, by id. */
  sources: CitationSource[]
  /** For a structured-output reply: whether it parsed and fit the schema, and why not. */
  structured: StructuredCheck | null
}

export interface StructuredCheck {
  valid: boolean
  /** ajv's messages with the JSON pointer of each failing value, or the parse error. */
  errors: { path: string; message: string }[]
}

/** A function tool as the user defines it: Mistral's `{type:"function", function:{…}}`. */
export interface ToolDefinition {
  name: string
  description: string
  /** A JSON schema object for the arguments. */
  parameters: Record<string, unknown>
}

export type ToolChoice = 'auto' | 'none' | 'any' | 'required' | { function: string }

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: Record<string, unknown>; strict: boolean }

/** Per-conversation request options beyond the sampling parameters. */
export interface ChatOptions {
  tools: ToolDefinition[]
  toolChoice: ToolChoice
  parallelToolCalls: boolean
  /** Tool rounds in a row (model calls, results answered) before the loop stops and asks. */
  maxToolRounds: number
  responseFormat: ResponseFormat
}

export const DEFAULT_CHAT_OPTIONS: ChatOptions = {
  tools: [],
  toolChoice: 'auto',
  parallelToolCalls: true,
  maxToolRounds: 5,
  responseFormat: { type: 'text' },
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
      /** With finishReason "tool_calls": the calls to answer (chat.submitToolResults). */
      toolCalls?: ToolCallRecord[]
    }
  | { type: 'stopped'; requestId: string; conversationId: string; messageId: string }
  | { type: 'error'; requestId: string; conversationId: string; messageId: string; error: AppError }

/**
 * The non-text side of a streaming reply, on its own event (`chat.parts`) so a
 * renderer that only knows `chat.stream` is unaffected. Sent before the `chat.stream`
 * delta that follows it, so a citation's offset is already covered by the text.
 */
export type ChatPartEvent =
  /** More of the thinking text (reasoning models), coalesced like `delta`. */
  | { type: 'thinking'; requestId: string; conversationId: string; messageId: string; text: string }
  /** A reference or unsupported chunk. */
  | { type: 'part'; requestId: string; conversationId: string; messageId: string; part: MessagePart }
  /**
   * The attempt failed before anything arrived and is retried in `delayMs` ("Retrying
   * in N s"); chat.stop cancels. `retry` counts from 1; `error` is why.
   */
  | { type: 'retrying'; requestId: string; conversationId: string; messageId: string; retry: number; delayMs: number; error: AppError }

export interface StartedReply {
  requestId: string
  conversationId: string
  userMessageId: string | null
  assistantMessageId: string
}
