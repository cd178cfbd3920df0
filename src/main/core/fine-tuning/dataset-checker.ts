/**
 * The local dataset check before an upload: streams the file line by line (bounded
 * memory, see jsonl-lines.ts), applies dataset-rules.ts to each line, and sums a token
 * estimate. Errors keep their line number and a snippet; only the first MAX_ERRORS are
 * kept, but every bad line is counted.
 */
import { jsonlLines } from '../kernel/files/jsonl-lines'
import type { DatasetCheck } from '../../../shared/domain'
import { checkLine } from './dataset-rules'

export const MAX_ERRORS = 200
const SNIPPET_CHARS = 120
/** Mistral's tokenizer averages about four characters per token on English text. */
export const CHARS_PER_TOKEN = 4

export interface CheckOptions {
  signal?: AbortSignal
  onProgress?: (bytesRead: number) => void
  maxLineBytes?: number
}

export async function checkDataset(path: string, opts: CheckOptions = {}): Promise<DatasetCheck> {
  const errors: DatasetCheck['errors'] = []
  let lines = 0
  let badLines = 0
  let chars = 0
  let bytes = 0
  for await (const line of jsonlLines(path, opts)) {
    bytes += line.bytes
    lines += 1
    const verdict = line.text === null ? { problem: 'Line too long to be a training example.', chars: 0 } : checkLine(line.text)
    if (verdict.problem) {
      badLines += 1
      if (errors.length < MAX_ERRORS) {
        const snippet = (line.text ?? '').slice(0, SNIPPET_CHARS)
        errors.push({ line: line.number, message: verdict.problem, snippet })
      }
    } else {
      chars += verdict.chars
    }
  }
  return {
    lines,
    validLines: lines - badLines,
    badLines,
    errors,
    errorsTruncated: badLines > errors.length,
    bytes,
    estimatedTokens: Math.ceil(chars / CHARS_PER_TOKEN),
  }
}
