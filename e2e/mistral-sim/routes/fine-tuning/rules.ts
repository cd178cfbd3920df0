// Validation of POST /v1/fine_tuning/jobs (JobIn in the 2026-07 spec): the shared
// rules (required model and hyperparameters), the field constraints pydantic enforces
// (422, all at once), then the model, which must exist and allow fine-tuning (400).
import { apiError, type FieldIssue } from '../../http'
import { findModel } from '../../model-catalog'
import { checkJsonBody, isObject, type Rejection } from '../../request-rules'
import type { Hyperparameters } from './jobs'

export const CREATE_JOB_OPERATION = 'jobs_api_routes_fine_tuning_create_fine_tuning_job'
export const MAX_SUFFIX = 18
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export interface JobRequest {
  model: string
  trainingFiles: string[]
  validationFiles: string[]
  suffix: string | null
  autoStart: boolean
  hyperparameters: Hyperparameters
}

export type CheckedJob = { ok: true; request: JobRequest } | Rejection

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}

/** pydantic's 422 for a path or body value that is not a UUID. */
export function uuidIssue(loc: (string | number)[], input: unknown): FieldIssue {
  const msg = 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]'
  return { type: 'uuid_parsing', loc, msg, input }
}

export function checkJobRequest(raw: string): CheckedJob {
  const checked = checkJsonBody(CREATE_JOB_OPERATION, raw, fieldIssues)
  if (!checked.ok) return checked
  const body = checked.body
  const model = body.model as string
  const card = findModel(model)
  if (!card) return { ok: false, status: 400, body: apiError(`Invalid model: ${model}`, 'invalid_model', '1500') }
  if (!card.capabilities.fine_tuning) {
    return { ok: false, status: 400, body: apiError(`Model ${model} is not available for fine-tuning`, 'invalid_model', '1500') }
  }
  const hp = body.hyperparameters as Record<string, unknown>
  const num = (key: string, fallback: number | null) => (typeof hp[key] === 'number' ? (hp[key] as number) : fallback)
  return {
    ok: true,
    request: {
      model,
      trainingFiles: ((body.training_files ?? []) as { file_id: string }[]).map((f) => f.file_id),
      validationFiles: (body.validation_files ?? []) as string[],
      suffix: (body.suffix ?? null) as string | null,
      // The spec says auto_start "will be required"; the service defaults it to true.
      autoStart: body.auto_start !== false,
      hyperparameters: {
        training_steps: num('training_steps', null),
        learning_rate: num('learning_rate', 0.0001) as number,
        weight_decay: num('weight_decay', 0.1),
        warmup_fraction: num('warmup_fraction', 0.05),
        epochs: num('epochs', null),
        seq_len: num('seq_len', null),
        fim_ratio: num('fim_ratio', 0.9),
      },
    },
  }
}

function fieldIssues(body: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
  if ('model' in body && typeof body.model !== 'string') {
    issues.push({ type: 'string_type', loc: ['body', 'model'], msg: 'Input should be a valid string', input: body.model })
  }
  const suffix = body.suffix
  if (suffix !== undefined && suffix !== null) {
    if (typeof suffix !== 'string') {
      issues.push({ type: 'string_type', loc: ['body', 'suffix'], msg: 'Input should be a valid string', input: suffix })
    } else if (suffix.length > MAX_SUFFIX) {
      const msg = `String should have at most ${MAX_SUFFIX} characters`
      issues.push({ type: 'string_too_long', loc: ['body', 'suffix'], msg, input: suffix, ctx: { max_length: MAX_SUFFIX } })
    }
  }
  if (body.training_files !== undefined) {
    if (!Array.isArray(body.training_files)) {
      issues.push({ type: 'list_type', loc: ['body', 'training_files'], msg: 'Input should be a valid list', input: body.training_files })
    } else {
      body.training_files.forEach((f, i) => {
        const id = isObject(f) ? f.file_id : undefined
        if (!isUuid(id)) issues.push(uuidIssue(['body', 'training_files', i, 'file_id'], id))
      })
    }
  }
  if (Array.isArray(body.validation_files)) {
    body.validation_files.forEach((id, i) => {
      if (!isUuid(id)) issues.push(uuidIssue(['body', 'validation_files', i], id))
    })
  }
  if ('hyperparameters' in body) issues.push(...hyperparameterIssues(body.hyperparameters))
  return issues
}

function hyperparameterIssues(hp: unknown): FieldIssue[] {
  const loc = ['body', 'hyperparameters']
  if (!isObject(hp)) {
    return [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: hp }]
  }
  const issues: FieldIssue[] = []
  const range = (key: string, min: number, max: number | null, exclusiveMin = false, integer = false) => {
    const v = hp[key]
    if (v === undefined || v === null) return
    const at = [...loc, key]
    if (typeof v !== 'number' || (integer && !Number.isInteger(v))) {
      const [type, msg] = integer ? ['int_type', 'Input should be a valid integer'] : ['float_type', 'Input should be a valid number']
      issues.push({ type, loc: at, msg, input: v })
    } else if (exclusiveMin ? v <= min : v < min) {
      const [type, word] = exclusiveMin ? ['greater_than', 'greater than'] : ['greater_than_equal', 'greater than or equal to']
      issues.push({ type, loc: at, msg: `Input should be ${word} ${min}`, input: v, ctx: exclusiveMin ? { gt: min } : { ge: min } })
    } else if (max !== null && v > max) {
      issues.push({ type: 'less_than_equal', loc: at, msg: `Input should be less than or equal to ${max}`, input: v, ctx: { le: max } })
    }
  }
  range('training_steps', 1, null, false, true)
  range('learning_rate', 1e-8, 1)
  range('weight_decay', 0, 1)
  range('warmup_fraction', 0, 1)
  range('epochs', 0, null, true)
  range('seq_len', 100, null, false, true)
  range('fim_ratio', 0, 1)
  return issues
}
