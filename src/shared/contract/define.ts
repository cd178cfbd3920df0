/**
 * The building blocks of contract slices. A channel is a zod input schema (validated
 * at the boundary in main) and a phantom output type (main produces it, so there is
 * nothing to validate); an event is a phantom payload type.
 */
import { z } from 'zod'

/** Carries an output type without a runtime value. */
export const returns = <T>(): T => undefined as T
export const channel = <I extends z.ZodType, O>(input: I, output: O) => ({ input, output })

export type ChannelSpec = { input: z.ZodType; output: unknown }

/** One feature's part of the contract: its request channels and the events it emits. */
export interface Slice {
  channels: Record<string, ChannelSpec>
  events: Record<string, unknown>
}

export const id = z.string().min(1).max(64)
export const empty = z.object({}).strict()
export const modelId = z.string().min(1).max(128)

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never
export type MergedChannels<S extends readonly Slice[]> = UnionToIntersection<S[number]['channels']>
export type MergedEvents<S extends readonly Slice[]> = UnionToIntersection<S[number]['events']>

/**
 * Merges the slices into one table of channels and one of events. A name declared by
 * two slices would silently shadow the other, so it fails as soon as the contract loads.
 */
export function mergeSlices<const S extends readonly Slice[]>(
  slices: S,
): { channels: MergedChannels<S>; events: MergedEvents<S> } {
  const channels: Record<string, ChannelSpec> = {}
  const events: Record<string, unknown> = {}
  for (const slice of slices) {
    for (const [name, spec] of Object.entries(slice.channels)) {
      if (name in channels) throw new Error(`Contract: channel "${name}" is declared by two slices.`)
      channels[name] = spec
    }
    for (const [name, payload] of Object.entries(slice.events)) {
      if (name in events) throw new Error(`Contract: event "${name}" is declared by two slices.`)
      events[name] = payload
    }
  }
  return { channels, events } as { channels: MergedChannels<S>; events: MergedEvents<S> }
}
