/**
 * The options of one OCR request, with defaults filled in, and their canonical JSON:
 * with the bytes' SHA-256 and the model, the key of the result cache.
 */
import { DEFAULT_OCR_MODEL, type OcrOptions } from '../../../shared/domain'
import type { ocrOptionsSchema } from '../../../shared/contract/documents'
import type { z } from 'zod'

export type OcrOptionsInput = z.output<typeof ocrOptionsSchema>

export function resolveOptions(input: OcrOptionsInput = {}): OcrOptions {
  return {
    model: input.model ?? DEFAULT_OCR_MODEL,
    pages: input.pages?.replace(/\s+/g, '') || null,
    includeImages: input.includeImages ?? true,
    tableFormat: input.tableFormat ?? 'markdown',
    extractHeader: input.extractHeader ?? false,
    extractFooter: input.extractFooter ?? false,
    confidence: input.confidence ?? null,
    includeBlocks: input.includeBlocks ?? true,
    annotationSchema: input.annotationSchema ?? null,
  }
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sorted((value as Record<string, unknown>)[k])]))
  }
  return value
}

/** Everything but the model (a column of its own), keys sorted, so equal options give equal text. */
export function canonicalOptions(options: OcrOptions): string {
  const { model: _model, ...rest } = options
  return JSON.stringify(sorted(rest))
}
