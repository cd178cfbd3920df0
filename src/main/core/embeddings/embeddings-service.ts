/**
 * The embeddings playground: embeds a few texts through the official SDK, records the
 * call in the usage ledger, and returns the vectors with their similarity matrix.
 */
import type { Mistral } from '@mistralai/mistralai'
import type { EmbeddingDtype, EmbeddingModelOptions, EmbeddingResult } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { UsageEvent } from '../kernel/usage/usage-recorder'
import { similarityMatrix } from './similarity'

/**
 * What Mistral's embedding models offer (docs: code embeddings): mistral-embed has 1024
 * float dimensions only; codestral-embed 1536 by default, up to 3072, every dtype.
 */
export const EMBEDDING_MODELS: readonly EmbeddingModelOptions[] = [
  { model: 'mistral-embed', defaultDimension: 1024, maxDimension: null, dtypes: ['float'] },
  { model: 'codestral-embed', defaultDimension: 1536, maxDimension: 3072, dtypes: ['float', 'int8', 'uint8', 'binary', 'ubinary'] },
]

export interface EmbedInput {
  model: string
  texts: string[]
  outputDimension?: number | undefined
  outputDtype?: EmbeddingDtype | undefined
}

export interface EmbeddingsDeps {
  sdk(): Mistral
  recordUsage(e: UsageEvent): void
  now(): number
}

export class EmbeddingsService {
  constructor(private readonly deps: EmbeddingsDeps) {}

  options(): EmbeddingModelOptions[] {
    return [...EMBEDDING_MODELS]
  }

  async embed(input: EmbedInput): Promise<EmbeddingResult> {
    const options = EMBEDDING_MODELS.find((m) => input.model === m.model || input.model.startsWith(`${m.model}-`))
    const dtype = input.outputDtype ?? 'float'
    // Checked here so the user reads why, instead of the API's terse 400.
    if (options && input.outputDimension !== undefined && options.maxDimension === null) {
      throw new AppErrorException(appError('invalid_input', `${options.model} has a fixed size of ${options.defaultDimension}; leave the dimension empty.`))
    }
    if (options?.maxDimension && (input.outputDimension ?? 0) > options.maxDimension) {
      throw new AppErrorException(appError('invalid_input', `${options.model} offers at most ${options.maxDimension} dimensions.`))
    }
    if (options && !options.dtypes.includes(dtype)) {
      throw new AppErrorException(appError('invalid_input', `${options.model} only returns ${options.dtypes.join(', ')} vectors.`))
    }
    const res = await this.deps.sdk().embeddings.create({
      model: input.model,
      inputs: input.texts,
      ...(input.outputDimension !== undefined ? { outputDimension: input.outputDimension } : {}),
      ...(input.outputDtype ? { outputDtype: input.outputDtype } : {}),
    })
    const vectors = res.data.map((d) => d.embedding ?? [])
    const promptTokens = res.usage.promptTokens ?? 0
    this.deps.recordUsage({
      kind: 'embeddings',
      at: this.deps.now(),
      model: input.model,
      returnedModel: res.model !== input.model ? res.model : null,
      usage: { promptTokens, completionTokens: 0, totalTokens: res.usage.totalTokens ?? promptTokens },
      conversationId: null,
      messageId: null,
      requestId: res.id ?? null,
    })
    const bits = dtype === 'binary' || dtype === 'ubinary' ? 8 : 1
    return {
      model: res.model ?? input.model,
      dimension: (vectors[0]?.length ?? 0) * bits,
      dtype,
      vectors,
      similarity: similarityMatrix(vectors, dtype),
      promptTokens,
    }
  }
}
