/** Summary statistics for repeated measurements: medians resist the odd slow run on a shared machine. */

export interface Summary {
  median: number
  min: number
  max: number
  n: number
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 }
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, n: sorted.length }
}

/** The largest number of timestamps (ms) that fall inside any window of `windowMs`. */
export function peakInWindow(timestamps: readonly number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}

/** Events per second over [first, last]; one event, or none, is no rate at all. */
export function ratePerSecond(count: number, spanMs: number): number {
  return spanMs > 0 ? (count / spanMs) * 1000 : Number.NaN
}

export function round(value: number, digits = 1): number {
  if (!Number.isFinite(value)) return value
  const f = 10 ** digits
  return Math.round(value * f) / f
}
