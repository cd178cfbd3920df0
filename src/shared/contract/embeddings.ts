/** The embeddings playground (POST /v1/embeddings through the SDK). */
import { z } from 'zod'
import type { EmbeddingModelOptions, EmbeddingResult } from '../domain'
import { channel, empty, modelId, returns } from './define'

export const MAX_TEXTS = 32
export const MAX_TEXT_CHARS = 16_000

export const channels = {
  'embeddings.options': channel(empty, returns<EmbeddingModelOptions[]>()),
  'embeddings.embed': channel(
    z
      .object({
        model: modelId,
        texts: z.array(z.string().max(MAX_TEXT_CHARS)).min(1).max(MAX_TEXTS),
        outputDimension: z.number().int().min(1).max(4096).optional(),
        outputDtype: z.enum(['float', 'int8', 'uint8', 'binary', 'ubinary']).optional(),
      })
      .strict(),
    returns<EmbeddingResult>(),
  ),
}

export const events = {}
