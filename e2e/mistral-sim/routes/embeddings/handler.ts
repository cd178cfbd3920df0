// POST /v1/embeddings: deterministic vectors (vectors.ts) in the EmbeddingResponse shape.
import { hexId, sendJson } from '../../http'
import type { Route } from '../route'
import { checkEmbeddingRequest, type EmbeddingJob } from './rules'
import { embedText, quantize } from './vectors'

/** The simulator's usual token estimate: a token per four characters. */
export const promptTokens = (text: string) => Math.ceil(text.length / 4)

export const embeddings: Route = {
  method: 'POST',
  path: '/v1/embeddings',
  operationId: 'embeddings_v1_embeddings_post',
  handle: ({ res, body, meter }) => {
    const checked = checkEmbeddingRequest(body)
    if (!checked.ok) return sendJson(res, checked.status, checked.body, meter.charge(0))
    const reply = embeddingBody(checked.job)
    sendJson(res, 200, reply, meter.charge(reply.usage.total_tokens))
  },
}

/** The EmbeddingResponse for a checked request; batch jobs build their results with it too. */
export function embeddingBody({ model, inputs, dims, maxDims, dtype }: EmbeddingJob) {
  const data = inputs.map((text, index) => {
    // Shorter dimensions are a prefix of the longest one, renormalised (Matryoshka-style).
    const full = embedText(text, maxDims).slice(0, dims)
    const norm = Math.sqrt(full.reduce((s, v) => s + v * v, 0)) || 1
    const unit = full.map((v) => Math.round((v / norm) * 1e6) / 1e6)
    return { object: 'embedding', embedding: quantize(unit, dtype), index }
  })
  const tokens = inputs.reduce((sum, text) => sum + promptTokens(text), 0)
  return { id: hexId(), object: 'list', data, model, usage: { prompt_tokens: tokens, completion_tokens: 0, total_tokens: tokens } }
}
