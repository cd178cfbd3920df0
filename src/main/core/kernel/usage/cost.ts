/**
 * The cost of one ledger row as a pure function of what the row holds: its units and
 * the unit prices applied. Every price is an integer of micro-units of its currency
 * per pricing unit (per million tokens, per 1,000 pages, per minute), so the whole sum
 * is integer arithmetic with one rounding at the end — done in BigInt, because
 * tokens × price × discount can pass 2^53 on a large batch.
 */

import type { Currency } from '../../../../shared/domain'

export type { Currency }
export const CURRENCIES: readonly Currency[] = ['USD', 'EUR']

/** Micro-units of the currency per unit; null where the price list gives none. */
export interface UnitPrices {
  /** Per million prompt tokens that were not served from the cache. */
  input: number | null
  /** Per million cached prompt tokens; null falls back to `input` (the model lists no cache tier). */
  cachedInput: number | null
  output: number | null
  perThousandPages: number | null
  perThousandAnnotatedPages: number | null
  perMinute: number | null
}

export interface BilledUnits {
  /** All prompt tokens, cached ones included (as the API reports `prompt_tokens`). */
  promptTokens: number
  cachedTokens: number
  completionTokens: number
  pages: number
  annotatedPages: number
  /** Audio duration in milliseconds (integer, so the per-minute price stays exact). */
  audioMs: number
}

/** Basis points off the gross price: 5000 = the 50% batch discount. */
export type DiscountBp = number

const MICRO_PER_M = 1_000_000n
const BP = 10_000n

/** A priced part: units × price / divisor. A missing price for units that were used makes the row unpriceable. */
function part(units: number, price: number | null, divisor: bigint): { n: bigint; d: bigint } | null {
  if (units === 0) return { n: 0n, d: divisor }
  if (price === null) return null
  return { n: BigInt(units) * BigInt(price), d: divisor }
}

/**
 * Integer micro-units, rounded half up; null when some unit the call used has no price.
 * A free model has prices of 0, which is a real cost of 0, not an unknown one.
 */
export function costMicro(units: BilledUnits, prices: UnitPrices, discountBp: DiscountBp = 0): number | null {
  const uncached = units.promptTokens - units.cachedTokens
  // Different divisors: put every part over the common denominator 60,000,000 (per M tokens,
  // per 1,000 pages ×60,000, per minute = per 60,000 ms ×1,000).
  const parts = [
    part(uncached, prices.input, MICRO_PER_M),
    part(units.cachedTokens, prices.cachedInput ?? prices.input, MICRO_PER_M),
    part(units.completionTokens, prices.output, MICRO_PER_M),
    part(units.pages, prices.perThousandPages, 1_000n),
    part(units.annotatedPages, prices.perThousandAnnotatedPages, 1_000n),
    part(units.audioMs, prices.perMinute, 60_000n),
  ]
  const denominator = 60_000_000n
  let numerator = 0n
  for (const p of parts) {
    if (p === null) return null
    numerator += p.n * (denominator / p.d)
  }
  const keep = BP - BigInt(discountBp)
  const total = numerator * keep
  const divisor = denominator * BP
  return Number((total * 2n + divisor) / (divisor * 2n))
}

/** "1.234 USD"-style amounts are for display; micro-units are what is stored and summed. */
export function microFromDecimal(amount: number): number {
  return Math.round(amount * 1_000_000)
}

export const NO_PRICES: UnitPrices = {
  input: null,
  cachedInput: null,
  output: null,
  perThousandPages: null,
  perThousandAnnotatedPages: null,
  perMinute: null,
}
