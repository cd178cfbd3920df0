/**
 * The one error type that crosses the contract. API and internal failures are
 * mapped to it in exactly one place (main/core/kernel/mistral/errors.ts); every screen
 * shows it through one component.
 */
export type AppErrorCode =
  | 'auth'
  | 'rate_limited'
  | 'network'
  | 'invalid_input'
  | 'too_large'
  | 'server'
  | 'not_found'
  | 'no_key'
  | 'aborted'
  | 'internal'
  /** A hard-stop budget refuses the call; the message names the budget and how to raise it. */
  | 'budget_exceeded'

export interface AppError {
  code: AppErrorCode
  /** A sentence the user can act on. Never contains the API key. */
  message: string
  retryable: boolean
  retryAfterMs?: number
  /** HTTP status from the API, when there was one. */
  status?: number
}

/** Thrown inside main and re-thrown in the renderer, so `catch` sees a typed error. */
export class AppErrorException extends Error {
  readonly appError: AppError
  constructor(appError: AppError) {
    super(appError.message)
    this.name = 'AppErrorException'
    this.appError = appError
  }
}

export function appError(
  code: AppErrorCode,
  message: string,
  extra: Partial<Omit<AppError, 'code' | 'message'>> = {},
): AppError {
  return { code, message, retryable: extra.retryable ?? false, ...extra }
}

/** Results cross IPC and WebSocket as data, because Electron flattens thrown errors to strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }
