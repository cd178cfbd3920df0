/**
 * The one way a store calls main: the call, and on failure its AppError written into the
 * store's `error`, with whatever else the failure resets (a busy flag, say). What to do with
 * the answer stays with the caller, which knows its state.
 */
import type { ChannelName, Input, Output } from '../../../shared/contract'
import type { AppError, Result } from '../../../shared/errors'
import { call, toAppError } from '../api'

interface CallIntoOptions<S> {
  /** Also set on failure, with the error. */
  onError?: Partial<S>
  /**
   * False when this failure is not the store's to show: the user moved on meanwhile, or the
   * caller shows it its own way (a message too long becomes a warning, not an error).
   */
  showError?: (error: AppError) => boolean
}

export async function callInto<S extends { error: AppError | null }, C extends ChannelName>(
  store: { setState: (partial: Partial<S>) => void },
  channel: C,
  input: Input<C>,
  { onError, showError }: CallIntoOptions<S> = {},
): Promise<Result<Output<C>>> {
  try {
    return { ok: true, value: await call(channel, input) }
  } catch (err) {
    const error = toAppError(err)
    if (showError?.(error) !== false) store.setState({ ...onError, error } as Partial<S>)
    return { ok: false, error }
  }
}
