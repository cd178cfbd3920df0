// Validation of POST /v1/embeddings: the shared rules (EmbeddingRequest is closed:
// unknown fields get extra_forbidden), basic types (422), then the model and the
// options it offers (400). mistral-embed has 1024 float dimensions only; codestral-embed
// defaults to 1536 and offers output_dimension up to 3072 and every output_dtype.
import { apiError, type FieldIssue } from '../../http'
import { findModel } from '../../model-catalog'
import { checkJsonBody, type Rejection } from '../../request-rules'
import type { Dtype } from './vectors'

export const EMBEDDINGS_OPERATION = 'embeddings_v1_embeddings_post'

interface EmbeddingModel {
  defaultDims: number
  maxDims: number
  /** False: output_dimension and output_dtype are refused. */
  options: boolean
}

const EMBEDDING_MODELS: Record<string, EmbeddingModel> = {
  'mistral-embed': { defaultDims: 1024, maxDims: 1024, options: false },
  'codestral-embed': { defaultDims: 1536, maxDims: 3072, options: true },
}
const DTYPES: readonly Dtype[] = ['float', 'int8', 'uint8', 'binary', 'ubinary']

export interface EmbeddingJob {
  model: string
  inputs: string[]
  dims: number
  maxDims: number
  dtype: Dtype
}

export type CheckedEmbedding = { ok: true; job: EmbeddingJob } | Rejection

/** The embedding model behind an id or its dated alias (mistral-embed-2312 → mistral-embed). */
function embeddingModel(id: string): EmbeddingModel | undefined {
  const card = findModel(id)
  if (!card) return undefined
  const name = [card.id, ...card.aliases].find((n) => n in EMBEDDING_MODELS)
  return name ? EMBEDDING_MODELS[name] : undefined
}

export function checkEmbeddingRequest(raw: string): CheckedEmbedding {
  const checked = checkJsonBody(EMBEDDINGS_OPERATION, raw, fieldIssues)
  if (!checked.ok) return checked
  const body = checked.body
  const model = body.model as string
  const spec = embeddingModel(model)
  const bad = (message: string): Rejection => ({ ok: false, status: 400, body: apiError(message, 'invalid_request_invalid_args', '3051') })
  if (!findModel(model)) return { ok: false, status: 400, body: apiError(`Invalid model: ${model}`, 'invalid_model', '1500') }
  if (!spec) return { ok: false, status: 400, body: apiError(`Invalid model: ${model} does not support embeddings`, 'invalid_model', '1500') }

  const dimension = body.output_dimension as number | null | undefined
  const dtype = (body.output_dtype ?? 'float') as Dtype
  if (!spec.options && dimension != null) return bad(`output_dimension is not supported by ${model}`)
  if (!spec.options && dtype !== 'float') return bad(`output_dtype is not supported by ${model}`)
  const dims = dimension ?? spec.defaultDims
  if (dims > spec.maxDims) return bad(`output_dimension must be at most ${spec.maxDims} for ${model}`)
  if ((dtype === 'binary' || dtype === 'ubinary') && dims % 8 !== 0) return bad('output_dimension must be a multiple of 8 for binary output_dtype')
  // The simulator only answers with numbers; base64 would need a different body.
  if (body.encoding_format === 'base64') return bad('encoding_format base64 is not supported by the simulator')
  const inputs = typeof body.input === 'string' ? [body.input] : (body.input as string[])
  if (inputs.length === 0) return bad('input must not be empty')
  return { ok: true, job: { model, inputs, dims, maxDims: spec.maxDims, dtype } }
}

function fieldIssues(body: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
  if ('model' in body && typeof body.model !== 'string') {
    issues.push({ type: 'string_type', loc: ['body', 'model'], msg: 'Input should be a valid string', input: body.model })
  }
  const input = body.input
  if ('input' in body && typeof input !== 'string' && !(Array.isArray(input) && input.every((x) => typeof x === 'string'))) {
    issues.push({ type: 'string_type', loc: ['body', 'input', 'str'], msg: 'Input should be a valid string', input })
  }
  const dim = body.output_dimension
  if (dim !== undefined && dim !== null) {
    if (!Number.isInteger(dim)) issues.push({ type: 'int_type', loc: ['body', 'output_dimension', 'int'], msg: 'Input should be a valid integer', input: dim })
    else if ((dim as number) <= 0) {
      issues.push({ type: 'greater_than', loc: ['body', 'output_dimension', 'int'], msg: 'Input should be greater than 0', input: dim, ctx: { gt: 0 } })
    }
  }
  if (body.output_dtype !== undefined && !DTYPES.includes(body.output_dtype as Dtype)) {
    const msg = `Input should be ${DTYPES.map((d) => `'${d}'`).join(', ').replace(/, ([^,]*)$/, ' or $1')}`
    issues.push({ type: 'enum', loc: ['body', 'output_dtype'], msg, input: body.output_dtype, ctx: { expected: DTYPES.join(', ') } })
  }
  return issues
}
