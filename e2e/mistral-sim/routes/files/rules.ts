// Request rules of the files routes: the multipart upload, the file_id path
// parameter (a UUID in the spec, so FastAPI answers 422 for anything else) and the
// query parameters. Problems are 422s with pydantic's detail list, as elsewhere.
import type { IncomingHttpHeaders } from 'node:http'
import { validationError, type FieldIssue } from '../../http'
import type { Rejection } from '../../request-rules'
import type { FilePurpose } from './sim-files'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const PURPOSES: readonly FilePurpose[] = ['fine-tune', 'batch', 'ocr']
const VISIBILITIES = ['workspace', 'user'] as const

/** The service's limit for one upload (the spec's description); the simulator's body limit is lower still. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024

export function fileIdIssue(id: string): Rejection | undefined {
  if (UUID.test(id)) return undefined
  const issue: FieldIssue = {
    type: 'uuid_parsing',
    loc: ['path', 'file_id'],
    msg: 'Input should be a valid UUID, invalid length',
    input: id,
  }
  return { ok: false, status: 422, body: validationError([issue]) }
}

export interface UploadRequest {
  file: File
  purpose: FilePurpose
  visibility: 'workspace' | 'user'
  expiryHours: number | null
}

export type UploadCheck = { ok: true; upload: UploadRequest } | Rejection

function enumIssue(field: string, input: unknown, allowed: readonly string[]): FieldIssue {
  const expected = allowed.map((v) => `'${v}'`).join(', ')
  return { type: 'enum', loc: ['body', field], msg: `Input should be ${expected}`, input, ctx: { expected } }
}

/** Parses the multipart body with the platform's parser (undici), then checks its fields. */
export async function checkUpload(headers: IncomingHttpHeaders, bytes: Buffer): Promise<UploadCheck> {
  const type = headers['content-type'] ?? ''
  let form: FormData
  try {
    if (!type.startsWith('multipart/form-data')) throw new Error('not multipart')
    form = await new Request('http://sim.local/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(bytes) }).formData()
  } catch {
    // FastAPI's answer when the form cannot be parsed.
    return { ok: false, status: 400, body: { detail: 'There was an error parsing the body' } }
  }
  const issues: FieldIssue[] = []
  const file = form.get('file')
  if (!(file instanceof File)) {
    const issue = file === null ? 'missing' : 'value_error'
    issues.push({ type: issue, loc: ['body', 'file'], msg: file === null ? 'Field required' : 'Expected UploadFile', input: file })
  }
  const purpose = form.get('purpose') ?? 'fine-tune'
  if (!PURPOSES.includes(purpose as FilePurpose)) issues.push(enumIssue('purpose', purpose, PURPOSES))
  const visibility = form.get('visibility') ?? 'workspace'
  if (!VISIBILITIES.includes(visibility as 'workspace')) issues.push(enumIssue('visibility', visibility, VISIBILITIES))
  const expiryRaw = form.get('expiry')
  const expiry = typeof expiryRaw === 'string' && expiryRaw !== '' ? Number(expiryRaw) : null
  if (expiry !== null && !Number.isInteger(expiry)) {
    issues.push({ type: 'int_parsing', loc: ['body', 'expiry'], msg: 'Input should be a valid integer', input: expiryRaw })
  }
  if (issues.length > 0 || !(file instanceof File)) return { ok: false, status: 422, body: validationError(issues) }
  return {
    ok: true,
    upload: { file, purpose: purpose as FilePurpose, visibility: visibility as 'workspace', expiryHours: expiry },
  }
}

export interface ListQuery {
  page: number
  pageSize: number
  includeTotal: boolean
  purpose: string | null
  search: string | null
  sources: string[]
  sampleTypes: string[]
  mimetypes: string[]
}

export type ListCheck = { ok: true; query: ListQuery } | Rejection

function intParam(query: URLSearchParams, name: string, fallback: number, issues: FieldIssue[]): number {
  const raw = query.get(name)
  if (raw === null) return fallback
  const value = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(value)) {
    issues.push({ type: 'int_parsing', loc: ['query', name], msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw })
  }
  return value
}

export function checkListQuery(query: URLSearchParams): ListCheck {
  const issues: FieldIssue[] = []
  const page = intParam(query, 'page', 0, issues)
  const pageSize = intParam(query, 'page_size', 100, issues)
  const includeRaw = query.get('include_total')
  if (includeRaw !== null && !['true', 'false', '1', '0'].includes(includeRaw)) {
    issues.push({ type: 'bool_parsing', loc: ['query', 'include_total'], msg: 'Input should be a valid boolean, unable to interpret input', input: includeRaw })
  }
  const purpose = query.get('purpose')
  if (purpose !== null && !PURPOSES.includes(purpose as FilePurpose)) {
    const expected = PURPOSES.map((v) => `'${v}'`).join(', ')
    issues.push({ type: 'enum', loc: ['query', 'purpose'], msg: `Input should be ${expected}`, input: purpose, ctx: { expected } })
  }
  if (issues.length > 0) return { ok: false, status: 422, body: validationError(issues) }
  return {
    ok: true,
    query: {
      page,
      pageSize,
      includeTotal: includeRaw === null || includeRaw === 'true' || includeRaw === '1',
      purpose,
      search: query.get('search'),
      sources: query.getAll('source'),
      sampleTypes: query.getAll('sample_type'),
      mimetypes: query.getAll('mimetypes'),
    },
  }
}

/** GET /v1/files/{id}/url: hours between 1 and 168 (the spec's description), 24 by default. */
export function checkExpiryHours(query: URLSearchParams): { ok: true; hours: number } | Rejection {
  const raw = query.get('expiry')
  if (raw === null) return { ok: true, hours: 24 }
  const hours = Number(raw)
  if (raw.trim() === '' || !Number.isInteger(hours)) {
    const issue = { type: 'int_parsing', loc: ['query', 'expiry'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw }
    return { ok: false, status: 422, body: validationError([issue]) }
  }
  if (hours < 1 || hours > 168) {
    return { ok: false, status: 400, body: { object: 'error', message: 'Expiry must be between 1 and 168 hours', type: 'invalid_request_error', param: 'expiry', code: null } }
  }
  return { ok: true, hours }
}
