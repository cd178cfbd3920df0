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
  KeyStatus,
  ModelSummary,
  StartedReply,
} from './domain'

/** Carries an output type without a runtime value. */
const returns = <T>(): T => undefined as T
const channel = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output })

const id = z.string().min(1).max(64)
const empty = z.object({}).strict()

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
  'conversations.get': channel(z.object({ id }).strict(), returns<Conversation>()),
  'conversations.rename': channel(
    z.object({ id, title: z.string().trim().min(1).max(200) }).strict(),
    returns<ConversationSummary>(),
  ),
  'conversations.delete': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),

  /** Starts a streamed reply. Without conversationId a new conversation is created. */
  'chat.send': channel(
    z
      .object({
        conversationId: id.optional(),
        model: z.string().min(1).max(128),
        content: z.string().min(1).max(1_000_000),
      })
      .strict(),
    returns<StartedReply>(),
  ),
  /** Streams a fresh reply in place of a failed, stopped or interrupted one. */
  'chat.retry': channel(z.object({ messageId: id }).strict(), returns<StartedReply>()),
  'chat.stop': channel(z.object({ requestId: id }).strict(), returns<{ stopped: boolean }>()),
} as const

export const events = {
  'chat.stream': returns<ChatStreamEvent>(),
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
