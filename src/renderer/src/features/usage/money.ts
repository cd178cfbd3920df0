/** Micro-units as money: cents for ordinary sums, more digits for sub-cent calls so they do not read as 0. */
import type { Currency } from '../../../../shared/domain'

export function formatMoney(micro: number, currency: Currency): string {
  const digits = micro !== 0 && Math.abs(micro) < 10_000 ? 6 : 2
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    micro / 1_000_000,
  )
}

/** "12.50" typed in the budget field → micro-units; null when it is not a positive amount. */
export function parseAmount(text: string): number | null {
  const n = Number(text.trim().replace(',', '.'))
  if (!Number.isFinite(n) || n <= 0) return null
  return Math.round(n * 1_000_000)
}
