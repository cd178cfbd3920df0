/** The similarity matrix of the playground's heatmap. */
import type { EmbeddingDtype } from '../../../shared/domain'

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    dot += x * y
    na += x * x
    nb += y * y
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb)
}

/** Packed sign bits (binary: bytes offset by −128): 1 − 2 × the share of differing bits. */
export function bitSimilarity(a: readonly number[], b: readonly number[], signed: boolean): number {
  let differing = 0
  for (let i = 0; i < a.length; i++) {
    let x = ((a[i] ?? 0) + (signed ? 128 : 0)) ^ ((b[i] ?? 0) + (signed ? 128 : 0))
    for (; x; x &= x - 1) differing++
  }
  const bits = a.length * 8
  return bits === 0 ? 0 : 1 - (2 * differing) / bits
}

export function similarityMatrix(vectors: readonly number[][], dtype: EmbeddingDtype): number[][] {
  const sim = dtype === 'binary' || dtype === 'ubinary' ? (a: number[], b: number[]) => bitSimilarity(a, b, dtype === 'binary') : cosine
  return vectors.map((a) => vectors.map((b) => Math.round(sim(a, b) * 10_000) / 10_000))
}
