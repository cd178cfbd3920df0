// Runs one batch request through the same checks and reply generators as the live
// endpoint, so a batch result equals what the request would have got on its own.
import type { SimConfig } from '../../config'
import { completionBody } from '../chat-completions/reply'
import { planReply } from '../chat-completions/reply-plan'
import { checkChatRequest } from '../chat-completions/rules'
import { embeddingBody } from '../embeddings/handler'
import { checkEmbeddingRequest } from '../embeddings/rules'

export interface BatchResult {
  status: number
  body: unknown
}

/** Endpoints whose requests the simulator can answer inside a batch. */
export const SIMULATED_BATCH_ENDPOINTS = ['/v1/chat/completions', '/v1/embeddings'] as const

export function runBatchRequest(endpoint: string, model: string | null, body: Record<string, unknown>, config: SimConfig): BatchResult {
  // The job's model applies to every request; a request may not name another.
  const raw = JSON.stringify(model ? { ...body, model } : body)
  if (endpoint === '/v1/chat/completions') {
    const checked = checkChatRequest(raw)
    if (!checked.ok) return { status: checked.status, body: checked.body }
    return { status: 200, body: completionBody(checked.request, planReply(checked.request, config)) }
  }
  if (endpoint === '/v1/embeddings') {
    const checked = checkEmbeddingRequest(raw)
    if (!checked.ok) return { status: checked.status, body: checked.body }
    return { status: 200, body: embeddingBody(checked.job) }
  }
  return { status: 400, body: { object: 'error', message: `The simulator does not run ${endpoint} in batches`, type: 'invalid_request_error', param: null, code: null } }
}
