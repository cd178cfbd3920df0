/**
 * RFC 4180 CSV: fields with a comma, a quote, CR or LF (or edge spaces) are quoted
 * and their quotes doubled; lines end with CRLF. Money is written exactly from
 * integer micro-units ("0.000450"), never through a float.
 */
import type { Currency } from '../../../shared/domain'
import type { UsageEntry } from '../kernel/usage/usage-ledger'

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return ''
  const s = String(value)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export const csvLine = (fields: readonly (string | number | boolean | null)[]): string => fields.map(csvField).join(',') + '\r\n'

/** 450 → "0.000450"; -1 → "-0.000001". */
export function decimalFromMicro(micro: number): string {
  const sign = micro < 0 ? '-' : ''
  const abs = Math.abs(micro)
  return `${sign}${Math.floor(abs / 1_000_000)}.${String(abs % 1_000_000).padStart(6, '0')}`
}

export const LEDGER_COLUMNS = [
  'time_utc',
  'kind',
  'endpoint',
  'model',
  'returned_model',
  'billed_model',
  'prompt_tokens',
  'cached_tokens',
  'completion_tokens',
  'pages',
  'annotated_pages',
  'audio_seconds',
  'estimated',
  'batch_discount_percent',
  'cost',
  'currency',
  'price_source',
  'conversation_id',
  'document_id',
  'message_id',
  'request_id',
  'key_last4',
] as const

export function ledgerCsvRow(e: UsageEntry, currency: Currency): string {
  const cost = currency === 'EUR' ? e.costMicroEur : e.costMicroUsd
  return csvLine([
    new Date(e.at).toISOString(),
    e.kind,
    e.endpoint,
    e.model,
    e.returnedModel,
    e.billedModel,
    e.promptTokens,
    e.cachedTokens,
    e.completionTokens,
    e.pages,
    e.annotatedPages,
    e.audioMs / 1000,
    e.estimated,
    e.discountBp / 100,
    cost === null ? null : decimalFromMicro(cost),
    currency,
    // An unknown price is written as such: an empty cost with price_source "unknown", never 0.
    e.priceSource,
    e.conversationId,
    e.documentId,
    e.messageId,
    e.requestId,
    e.keyLast4,
  ])
}

/** Parses what csvLine writes (for tests and for reading an export back). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endRow()
      i++
    } else field += ch
  }
  if (field || row.length) endRow()
  return rows
}
