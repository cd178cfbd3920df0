/**
 * The local check of a batch JSONL before anything is sent: each line an object with a
 * `body` object (and an optional unique `custom_id`), whose fields suit the endpoint.
 * Streamed line by line (jsonl-lines.ts); the same pass can collect the requests.
 */
import type { BatchCheck } from '../../../shared/domain'
import { jsonlLines } from '../kernel/files/jsonl-lines'

export const MAX_INLINE_REQUESTS = 10_000
const MAX_ERRORS = 200
const SNIPPET = 120

export interface BatchLine {
  customId: string | null
  body: Record<string, unknown>
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** What each endpoint's body must carry (the rest is checked by Mistral per request). */
const REQUIRED: Record<string, string> = {
  '/v1/chat/completions': 'messages',
  '/v1/embeddings': 'input',
  '/v1/fim/completions': 'prompt',
  '/v1/moderations': 'input',
  '/v1/chat/moderations': 'input',
  '/v1/ocr': 'document',
  '/v1/classifications': 'input',
  '/v1/chat/classifications': 'input',
  '/v1/conversations': 'inputs',
  '/v1/audio/transcriptions': 'file_url',
}

export function lineProblem(text: string | null, endpoint: string, seen: Set<string>): { problem: string } | { line: BatchLine } {
  if (text === null) return { problem: 'Line too long.' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { problem: `Not valid JSON (${(err as Error).message}).` }
  }
  if (!isObject(value)) return { problem: 'Each line must be a JSON object like {"custom_id": "1", "body": {...}}.' }
  if (!isObject(value.body)) return { problem: 'Missing "body": the request to send, as an object.' }
  const customId = value.custom_id
  if (customId !== undefined && customId !== null && typeof customId !== 'string') return { problem: '"custom_id" must be a string.' }
  if (typeof customId === 'string') {
    if (seen.has(customId)) return { problem: `custom_id "${customId}" is used twice; results could not be told apart.` }
    seen.add(customId)
  }
  const field = REQUIRED[endpoint]
  if (field && !(field in value.body)) return { problem: `The body has no "${field}", which ${endpoint} needs.` }
  if (endpoint === '/v1/chat/completions' && !Array.isArray(value.body.messages)) return { problem: '"messages" must be a list.' }
  return { line: { customId: typeof customId === 'string' ? customId : null, body: value.body } }
}

/** Checks the file; with `collect`, also returns its requests (only when every line is good). */
export async function readBatchFile(path: string, endpoint: string, collect: boolean): Promise<{ check: BatchCheck; requests: BatchLine[] }> {
  const errors: BatchCheck['errors'] = []
  const requests: BatchLine[] = []
  const seen = new Set<string>()
  let lines = 0
  let bad = 0
  for await (const line of jsonlLines(path)) {
    if (line.text !== null && line.text.trim() === '') continue // Blank lines carry no request.
    lines += 1
    const verdict = lineProblem(line.text, endpoint, seen)
    if ('problem' in verdict) {
      bad += 1
      if (errors.length < MAX_ERRORS) errors.push({ line: line.number, message: verdict.problem, snippet: (line.text ?? '').slice(0, SNIPPET) })
    } else if (collect && bad === 0 && requests.length < MAX_INLINE_REQUESTS) {
      requests.push(verdict.line)
    }
  }
  if (lines > MAX_INLINE_REQUESTS) {
    bad += 1
    errors.push({ line: MAX_INLINE_REQUESTS + 1, message: `A batch sent from the app holds at most ${MAX_INLINE_REQUESTS} requests; split the file.`, snippet: '' })
  }
  if (lines === 0) errors.push({ line: 1, message: 'The file has no requests.', snippet: '' })
  const check = { lines, validLines: lines - bad, badLines: bad, errors, errorsTruncated: bad > errors.length }
  return { check, requests: check.errors.length === 0 ? requests : [] }
}
