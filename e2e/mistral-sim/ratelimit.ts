// The x-ratelimit-* headers the real service sends (observed, not in the
// spec). Nothing is enforced: limits are generous so a client that throttles
// itself on "remaining" never stalls a test; only injected faults give 429s.
import type { OutgoingHttpHeaders } from 'node:http'

const LIMIT_TOKENS_MINUTE = 2_000_000
const LIMIT_TOKENS_MONTH = 10_000_000_000
const LIMIT_REQ_MINUTE = 1_200

export class RateLimitMeter {
  private windowStart = 0
  private requestsThisMinute = 0
  private tokensThisMinute = 0
  private tokensThisMonth = 0

  reset(): void {
    this.windowStart = 0
    this.requestsThisMinute = 0
    this.tokensThisMinute = 0
    this.tokensThisMonth = 0
  }

  /** Counts one request of `cost` tokens and returns the headers describing the budget left. */
  charge(cost: number, now = Date.now()): OutgoingHttpHeaders {
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now
      this.requestsThisMinute = 0
      this.tokensThisMinute = 0
    }
    this.requestsThisMinute += 1
    this.tokensThisMinute += cost
    this.tokensThisMonth += cost
    return this.headers(cost, false)
  }

  /** Headers for a 429: the per-minute budgets read as used up; the monthly one is untouched. */
  exhausted(): OutgoingHttpHeaders {
    return this.headers(0, true)
  }

  private headers(cost: number, exhausted: boolean): OutgoingHttpHeaders {
    const left = (limit: number, used: number) => String(Math.max(0, limit - used))
    const leftThisMinute = (limit: number, used: number) => (exhausted ? '0' : left(limit, used))
    return {
      'x-ratelimit-limit-tokens-minute': String(LIMIT_TOKENS_MINUTE),
      'x-ratelimit-remaining-tokens-minute': leftThisMinute(LIMIT_TOKENS_MINUTE, this.tokensThisMinute),
      'x-ratelimit-limit-tokens-month': String(LIMIT_TOKENS_MONTH),
      'x-ratelimit-remaining-tokens-month': left(LIMIT_TOKENS_MONTH, this.tokensThisMonth),
      'x-ratelimit-limit-req-minute': String(LIMIT_REQ_MINUTE),
      'x-ratelimit-remaining-req-minute': leftThisMinute(LIMIT_REQ_MINUTE, this.requestsThisMinute),
      'x-ratelimit-tokens-query-cost': String(cost),
    }
  }
}
