/**
 * A feature module: a name, the migrations of the tables it owns, and create(kernel)
 * returning the handlers of its own channels. A plain object, not a framework.
 */
import type { ChannelName } from '../../shared/contract'
import type { CallContext, Handlers } from './dispatch'
import type { Migration } from './kernel/db/migrate'
import type { Kernel } from './kernel/kernel'

export interface ModuleInstance {
  handlers: Partial<Handlers>
  /** Runs at shutdown, after live requests were interrupted and before SQLite closes. */
  close?(): void
}

export interface FeatureModule {
  /** Also the key of its migrations in schema_migrations: never rename a shipped module. */
  name: string
  /** Numbered from 1 within the module. */
  migrations: readonly Migration[]
  create(kernel: Kernel): ModuleInstance
}

type AnyHandler = (input: unknown, ctx: CallContext) => unknown

/**
 * Joins the modules' handlers into one table for dispatch(). A channel with no handler
 * or with two is a wiring mistake: it fails at start-up, not on the user's first click.
 */
export function mergeHandlers(channelNames: readonly ChannelName[], instances: readonly { name: string; handlers: Partial<Handlers> }[]): Handlers {
  const merged: Record<string, AnyHandler> = {}
  const owner: Record<string, string> = {}
  const known = new Set<string>(channelNames)
  for (const { name, handlers } of instances) {
    for (const [channel, handler] of Object.entries(handlers)) {
      if (!known.has(channel)) throw new Error(`Module "${name}" handles "${channel}", which the contract does not declare.`)
      if (owner[channel]) throw new Error(`Channel "${channel}" is handled by both "${owner[channel]}" and "${name}".`)
      owner[channel] = name
      merged[channel] = handler as AnyHandler
    }
  }
  const missing = channelNames.filter((c) => !owner[c])
  if (missing.length > 0) throw new Error(`No module handles: ${missing.join(', ')}.`)
  return merged as unknown as Handlers
}
