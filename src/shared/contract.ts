/**
 * The contract between the renderer and main. Every request channel and every event
 * is declared here once; the preload's window.api, the Electron IPC registration,
 * the browser host's dispatcher and the renderer's client are all derived from it.
 *
 * Inputs are zod schemas because they are validated at the boundary in main.
 * Outputs are phantom types: main produces them, so there is nothing to validate.
 */
import { z } from 'zod'
import type {
  ChatStreamEvent,
  Conversation,
  ConversationSummary,
  ConversationSearchHit,
  ConversationSettings,
  KeyStatus,
  ModelSummary,
  Preset,
  StartedReply,
} from './domain'

/** Carries an output type without a runtime value. */
const returns = <T>(): T => undefined as T
const channel = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output })

const id = z.string().min(1).max(64)
const empty = z.object({}).strict()

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

const messageText = z.string().min(1).max(1_000_000)
const modelId = z.string().min(1).max(128)
/** When the history would overflow the model's context window, drop the oldest turns instead of failing. */
const trimToFit = z.boolean().optional()

export const channels = {
  'keys.status': channel(empty, returns<KeyStatus>()),
  /** Validates the key with GET /v1/models before storing it. */
  'keys.set': channel(
    z.object({ key: z.string().trim().min(8).max(256), persist: z.boolean().optional() }).strict(),
    returns<KeyStatus>(),
  ),
  'keys.delete': channel(empty, returns<KeyStatus>()),

  'models.list': channel(z.object({ refresh: z.boolean().optional() }).strict(), returns<ModelSummary[]>()),

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

  'presets.list': channel(empty, returns<Preset[]>()),
  'presets.save': channel(
    z
      .object({ id: id.optional(), name: z.string().trim().min(1).max(100), model: modelId })
      .merge(conversationSettingsSchema)
      .strict(),
    returns<Preset>(),
  ),
  'presets.delete': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),

  /** Opens an allow-listed https link in the system browser. opened:false where the host cannot. */
  'links.open': channel(z.object({ url: z.string().url().max(2048) }).strict(), returns<{ opened: boolean }>()),

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
} as const

export const events = {
  'chat.stream': returns<ChatStreamEvent>(),
  /** A conversation changed outside the caller's own request, e.g. it got its automatic title. */
  'conversations.changed': returns<ConversationSummary>(),
} as const

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type Input<C extends ChannelName> = z.input<Channels[C]['input']>
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>
export type Output<C extends ChannelName> = Channels[C]['output']
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = (typeof events)[E]

export const channelNames = Object.keys(channels) as ChannelName[]
export const eventNames = Object.keys(events) as EventName[]

/** The IPC/WS prefix keeps our channels apart from anything else on ipcRenderer. */
export const IPC_PREFIX = 'api:'
export const EVENT_PREFIX = 'event:'

/** The shape of window.api, which the preload (Electron) and the WS shim (browser host) both provide. */
export interface WindowApi {
  invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<import('./errors').Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
