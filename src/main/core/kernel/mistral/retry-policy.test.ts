import { describe, expect, it } from 'vitest'
import { appError } from '../../../../shared/errors'
import { DEFAULT_RETRY_POLICY, manualRetryWaitMs, retryDelayMs } from './retry-policy'

const limited = (retryAfterMs?: number) =>
  appError('rate_limited', 'Rate limited', { retryable: true, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) })

describe('retryDelayMs', () => {
  it('backs off exponentially with jitter between half and all of the step', () => {
    const e = appError('server', 'boom', { retryable: true })
    expect(retryDelayMs(e, 1, DEFAULT_RETRY_POLICY, () => 0)).toBe(500)
    expect(retryDelayMs(e, 1, DEFAULT_RETRY_POLICY, () => 0.999999)).toBe(1000)
    expect(retryDelayMs(e, 2, DEFAULT_RETRY_POLICY, () => 0)).toBe(1000)
    expect(retryDelayMs(e, 3, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(3000)
  })

  it('never waits less than Retry-After, and hands a long Retry-After to the user', () => {
    expect(retryDelayMs(limited(5_000), 1, DEFAULT_RETRY_POLICY, () => 0)).toBe(5_000)
    expect(retryDelayMs(limited(60_000), 1)).toBeNull()
  })

  it('stops after maxRetries and never retries what is not retryable', () => {
    expect(retryDelayMs(limited(), 4)).toBeNull()
    expect(retryDelayMs(appError('auth', 'bad key'), 1)).toBeNull()
    expect(retryDelayMs(appError('invalid_input', '422'), 1)).toBeNull()
  })
})

describe('manualRetryWaitMs', () => {
  it('is what is left of Retry-After since the failure', () => {
    expect(manualRetryWaitMs(limited(5_000), 1_000, 3_000)).toBe(3_000)
    expect(manualRetryWaitMs(limited(5_000), 1_000, 9_000)).toBe(0)
    expect(manualRetryWaitMs(limited(), 1_000, 1_000)).toBe(0)
  })
})
