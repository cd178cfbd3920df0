/**
 * When to try a failed Mistral call again, and after how long: one policy for the
 * automatic retries of a reply and for Retry-After on manual retries, so the two never
 * disagree. Retries cover rate limits (429), server errors (5xx) and lost connections
 * (AppError.retryable); a wait is exponential with jitter, and never shorter than the
 * server's Retry-After. A Retry-After longer than maxDelayMs is not waited out
 * silently: the error goes to the user, who sees when to retry.
 */
import type { AppError } from '../../../../shared/errors'

export interface RetryPolicy {
  /** Automatic retries after the first attempt. */
  maxRetries: number
  baseDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1_000, maxDelayMs: 30_000 }

/**
 * The wait before retry number `retry` (1-based) after `error`, or null when it
 * should not be retried automatically. `random` is in [0, 1) (Math.random).
 */
export function retryDelayMs(error: AppError, retry: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, random = Math.random): number | null {
  if (!error.retryable || retry > policy.maxRetries) return null
  // "Equal jitter": half fixed, half random, so clients that failed together spread out
  // but none retries at once.
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  const backoff = exponential / 2 + random() * (exponential / 2)
  const floor = error.retryAfterMs ?? 0
  if (floor > policy.maxDelayMs) return null
  return Math.round(Math.max(backoff, floor))
}

/** How long a manual retry must still wait after an error seen at `failedAt` (0: now). */
export function manualRetryWaitMs(error: AppError, failedAt: number, now: number): number {
  return Math.max(0, (error.retryAfterMs ?? 0) - (now - failedAt))
}
