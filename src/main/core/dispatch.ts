/**
 * The one place a request from either host meets the handlers: look the channel
 * up in the contract, validate its input with zod, run the handler and turn any
 * failure into an AppError (the one error mapping, with every known key redacted).
 * Electron IPC and the browser host's WebSocket both call it.
 */
import {
  channels,
  type ChannelName,
  type EventName,
  type EventPayload,
  type Output,
  type ParsedInput,
} from '../../shared/contract'
import { appError, type Result } from '../../shared/errors'
import { toAppError } from './kernel/mistral/errors'

/** What a handler knows about the window (webContents or WebSocket) that called it. */
export interface CallContext {
  /** Sends an event to the caller only. A no-op once the caller is gone. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** Runs when the caller goes away (window closed, socket dropped), e.g. to abort its streams. */
  onClose(listener: () => void): void
}

export type Handlers = {
  [C in ChannelName]: (input: ParsedInput<C>, ctx: CallContext) => Promise<Output<C>> | Output<C>
}

/** What dispatch() needs of the core: its handlers, and the keys to redact from any failure. */
export interface Dispatchable {
  handlers: Handlers
  secrets(): readonly string[]
}

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name)
}

export async function dispatch(
  core: Dispatchable,
  name: string,
  rawInput: unknown,
  ctx: CallContext,
): Promise<Result<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: appError('invalid_input', `Unknown request "${name}".`) }
  }
  const parsed = channels[name].input.safeParse(rawInput ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
    return {
      ok: false,
      error: appError('invalid_input', `Invalid request to ${name}${where}: ${issue?.message ?? 'bad input'}.`),
    }
  }
  try {
    // The parsed value matches the channel's schema; TypeScript cannot narrow a union of handlers by key.
    const handler = core.handlers[name] as (input: unknown, ctx: CallContext) => unknown
    return { ok: true, value: await handler(parsed.data, ctx) }
  } catch (err) {
    // Even an API message that echoed the exact key (whatever its shape) is redacted.
    return { ok: false, error: toAppError(err, core.secrets()) }
  }
}
