// Validation of POST /v1/batch/jobs (CreateBatchJobRequest): the shared rules
// (required endpoint), field types and limits (422), then what the service refuses
// with 400s: no input at all, a chat-like endpoint without a model.
import { apiError, type FieldIssue } from '../../http'
import { findModel } from '../../model-catalog'
import { checkJsonBody, isObject, type Rejection } from '../../request-rules'
import { componentSchema } from '../../spec'

export const CREATE_BATCH_OPERATION = 'jobs_api_routes_batch_create_batch_job'
export const MAX_BATCH_REQUESTS = 10_000

export interface BatchJobRequest {
  endpoint: string
  model: string | null
  agentId: string | null
  metadata: Record<string, unknown> | null
  inputFiles: string[]
  requests: { customId: string | null; body: Record<string, unknown> }[]
  timeoutHours: number
}

export type CheckedBatch = { ok: true; request: BatchJobRequest } | Rejection

let endpoints: readonly string[] | undefined
/** ApiEndpoint's enum, from the spec. */
function apiEndpoints(): readonly string[] {
  endpoints ??= (componentSchema('ApiEndpoint').enum as string[] | undefined) ?? []
  return endpoints
}

export function checkBatchRequest(raw: string): CheckedBatch {
  const checked = checkJsonBody(CREATE_BATCH_OPERATION, raw, fieldIssues)
  if (!checked.ok) return checked
  const body = checked.body
  const bad = (message: string): Rejection => ({ ok: false, status: 400, body: apiError(message, 'invalid_request_invalid_args', '3051') })
  const requests = (body.requests ?? []) as { custom_id?: string | null; body: Record<string, unknown> }[]
  const inputFiles = (body.input_files ?? []) as string[]
  if (requests.length === 0 && inputFiles.length === 0) return bad('Either input_files or requests must be provided')
  if (requests.length > 0 && inputFiles.length > 0) return bad('Provide either input_files or requests, not both')
  const model = (body.model ?? null) as string | null
  const agentId = (body.agent_id ?? null) as string | null
  if (!model && !agentId) return bad('Either model or agent_id must be provided')
  if (model && !findModel(model)) return { ok: false, status: 400, body: apiError(`Invalid model: ${model}`, 'invalid_model', '1500') }
  return {
    ok: true,
    request: {
      endpoint: body.endpoint as string,
      model,
      agentId,
      metadata: (body.metadata ?? null) as Record<string, unknown> | null,
      inputFiles,
      requests: requests.map((r) => ({ customId: r.custom_id ?? null, body: r.body })),
      timeoutHours: (body.timeout_hours ?? 24) as number,
    },
  }
}

function fieldIssues(body: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
  const known = apiEndpoints()
  if ('endpoint' in body && !known.includes(body.endpoint as string)) {
    const msg = `Input should be ${known.map((e) => `'${e}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`
    issues.push({ type: 'enum', loc: ['body', 'endpoint'], msg, input: body.endpoint, ctx: { expected: known.join(', ') } })
  }
  const requests = body.requests
  if (requests !== undefined && requests !== null) {
    if (!Array.isArray(requests)) {
      issues.push({ type: 'list_type', loc: ['body', 'requests', 'list[BatchRequest]'], msg: 'Input should be a valid list', input: requests })
    } else {
      if (requests.length > MAX_BATCH_REQUESTS) {
        const msg = `List should have at most ${MAX_BATCH_REQUESTS} items after validation, not ${requests.length}`
        issues.push({ type: 'too_long', loc: ['body', 'requests', 'list[BatchRequest]'], msg, input: '…', ctx: { field_type: 'List', max_length: MAX_BATCH_REQUESTS, actual_length: requests.length } })
      }
      requests.forEach((r, i) => {
        const loc = ['body', 'requests', 'list[BatchRequest]', i]
        if (!isObject(r)) issues.push({ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: r })
        else if (!isObject(r.body)) issues.push({ type: r.body === undefined ? 'missing' : 'dict_type', loc: [...loc, 'body'], msg: r.body === undefined ? 'Field required' : 'Input should be a valid dictionary', input: r.body ?? r })
      })
    }
  }
  const hours = body.timeout_hours
  if (hours !== undefined && (!Number.isInteger(hours) || (hours as number) < 1 || (hours as number) > 168)) {
    const msg = Number.isInteger(hours) ? ((hours as number) < 1 ? 'Input should be greater than or equal to 1' : 'Input should be less than or equal to 168') : 'Input should be a valid integer'
    issues.push({ type: Number.isInteger(hours) ? ((hours as number) < 1 ? 'greater_than_equal' : 'less_than_equal') : 'int_type', loc: ['body', 'timeout_hours'], msg, input: hours })
  }
  return issues
}
