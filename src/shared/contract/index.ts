/**
 * The contract between the renderer and main, merged from one slice per feature. The
 * preload's window.api, the Electron IPC registration, the browser host's dispatcher
 * and the renderer's client are all derived from `channels` and `events` below.
 *
 * Adding a feature: write contract/<feature>.ts and append it to `slices`.
 */
import type { z } from 'zod'
import type { Result } from '../errors'
import * as chat from './chat'
import * as conversations from './conversations'
import { mergeSlices } from './define'
import * as keys from './keys'
import * as links from './links'
import * as models from './models'
import * as presets from './presets'
import * as usage from './usage'

const slices = [
  keys,
  models,
  conversations,
  presets,
  links,
  chat,
  usage,
] as const

export const { channels, events } = mergeSlices(slices)
export { chatParamsSchema, conversationSettingsSchema } from './conversations'

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
  invoke<C extends ChannelName>(channel: C, input: Input<C>): Promise<Result<Output<C>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
