/** Streamed replies: send, retry, regenerate, edit, continue, stop; tools and structured output. */
import { z } from 'zod'
import type { ChatOptions, ChatPartEvent, ChatStreamEvent, MessageDetails, StartedReply } from '../domain'
import { conversationSettingsSchema } from './conversations'
import { channel, id, modelId, returns } from './define'

const messageText = z.string().min(1).max(1_000_000)
/** When the history would overflow the model's context window, drop the oldest turns instead of failing. */
const trimToFit = z.boolean().optional()

/** Mistral's rule for function names; anything else gets a 400. */
export const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/
/**
 * Schemas travel as JSON text, so the contract bounds their size like any string (the
 * browser host derives its frame limit from these bounds; see web/frame-limit.ts); main
 * receives the parsed object.
 */
export const SCHEMA_CHARS = 6_000
export const jsonSchemaText = z
  .string()
  .max(SCHEMA_CHARS, `A schema may be at most ${SCHEMA_CHARS} characters of JSON.`)
  .transform((text, ctx): Record<string, unknown> => {
    try {
      const value: unknown = JSON.parse(text)
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'A schema must be a JSON object.' })
    return z.NEVER
  })
const toolName = z.string().max(64).regex(TOOL_NAME, 'Use 1 to 64 letters, digits, underscores or dashes.')

export const toolDefinitionSchema = z
  .object({
    name: toolName,
    description: z.string().max(1_000),
    parameters: jsonSchemaText,
  })
  .strict()

export const chatOptionsSchema = z
  .object({
    tools: z.array(toolDefinitionSchema).max(8),
    toolChoice: z.union([z.enum(['auto', 'none', 'any', 'required']), z.object({ function: toolName }).strict()]),
    parallelToolCalls: z.boolean(),
    maxToolRounds: z.number().int().min(1).max(50),
    // A plain union (anyOf): the frame-limit bound is derived from anyOf, not oneOf.
    responseFormat: z.union([
      z.object({ type: z.literal('text') }).strict(),
      z.object({ type: z.literal('json_object') }).strict(),
      z
        .object({ type: z.literal('json_schema'), name: toolName, schema: jsonSchemaText, strict: z.boolean() })
        .strict(),
    ]),
  })
  .strict()

const toolResult = z.object({ callId: z.string().min(1).max(64), content: z.string().max(20_000) }).strict()

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
        /** For a new conversation: its tools and response format. */
        options: chatOptionsSchema.optional(),
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
  /** Thinking, citations, tool calls and structured-output checks of a conversation's replies, by message id. */
  'chat.details': channel(z.object({ conversationId: id }).strict(), returns<Record<string, MessageDetails>>()),
  'chat.getOptions': channel(z.object({ conversationId: id }).strict(), returns<ChatOptions>()),
  'chat.setOptions': channel(z.object({ conversationId: id, options: chatOptionsSchema }).strict(), returns<ChatOptions>()),
  /**
   * Whether a JSON schema compiles (ajv, in main: the renderer's CSP forbids the code
   * generation ajv uses). For validating the schema editors as the user types.
   */
  'chat.checkSchema': channel(z.object({ schema: jsonSchemaText }).strict(), returns<{ problem: string | null }>()),
  /**
   * Answers every tool call of a reply (exactly one result per call id) and streams the
   * model's next reply, unless the conversation's round limit is reached.
   */
  'chat.submitToolResults': channel(
    z.object({ messageId: id, results: z.array(toolResult).min(1).max(16) }).strict(),
    returns<StartedReply>(),
  ),
}

export const events = {
  'chat.stream': returns<ChatStreamEvent>(),
  'chat.parts': returns<ChatPartEvent>(),
}

/** ChatOptions as the channels take them: schemas as JSON text. */
export function optionsInput(options: ChatOptions): z.input<typeof chatOptionsSchema> {
  const format = options.responseFormat
  return {
    ...options,
    tools: options.tools.map((t) => ({ ...t, parameters: JSON.stringify(t.parameters) })),
    responseFormat: format.type === 'json_schema' ? { ...format, schema: JSON.stringify(format.schema) } : format,
  }
}
