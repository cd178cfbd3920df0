/** The embeddings playground: vectors for a few texts and how alike they are. */
export type EmbeddingDtype = 'float' | 'int8' | 'uint8' | 'binary' | 'ubinary'

/** What an embedding model lets the caller choose; models without options take neither field. */
export interface EmbeddingModelOptions {
  model: string
  defaultDimension: number
  /** Null when output_dimension is not offered. */
  maxDimension: number | null
  dtypes: EmbeddingDtype[]
}

export interface EmbeddingResult {
  model: string
  dimension: number
  dtype: EmbeddingDtype
  /** One vector per text, in order. Binary dtypes pack 8 dimensions per number. */
  vectors: number[][]
  /** similarity[i][j]: cosine of texts i and j (for binary dtypes, 1 − 2 × Hamming distance / bits). */
  similarity: number[][]
  promptTokens: number
}
