// Deterministic text embeddings for the simulator. Related texts must land near each
// other so that clients' semantic search can be tested, without a model: each text
// becomes a bag of hashed features (words, character trigrams, and concepts from a
// small synonym table), summed into a vector and L2-normalised. "cost of the trip to
// Lisbon" and "the flights and hotel in Portugal came to 840 euros" share the concepts
// money, travel and portugal, so their cosine is high; unrelated texts share little.

/** Words that map to one concept; a text's concepts weigh most in its vector. */
const CONCEPTS: Record<string, readonly string[]> = {
  travel: ['trip', 'travel', 'journey', 'flight', 'fly', 'flew', 'hotel', 'vacation', 'holiday', 'voyage', 'tour', 'airport', 'airbnb', 'stay'],
  money: ['cost', 'price', 'paid', 'pay', 'euro', 'dollar', 'usd', 'eur', 'expense', 'spent', 'spend', 'budget', 'total', 'bill', 'fee', 'cheap', 'expensive', 'money'],
  portugal: ['portugal', 'lisbon', 'lisboa', 'porto', 'portuguese', 'algarve'],
  france: ['france', 'paris', 'french', 'lyon', 'marseille'],
  food: ['food', 'meal', 'dinner', 'lunch', 'breakfast', 'restaurant', 'cheese', 'eat', 'ate', 'cook', 'recipe'],
  code: ['code', 'function', 'bug', 'program', 'software', 'typescript', 'javascript', 'python', 'compile', 'debug'],
  weather: ['weather', 'rain', 'sunny', 'forecast', 'snow', 'storm', 'temperature'],
  pet: ['cat', 'dog', 'pet', 'kitten', 'puppy'],
  work: ['meeting', 'deadline', 'project', 'office', 'colleague', 'manager'],
}

const STOPWORDS = new Set(
  'a an the of to in on at for and or but is are was were be been came come it its this that with my our your their from by as'.split(' '),
)

const CONCEPT_OF = new Map<string, string>()
for (const [concept, words] of Object.entries(CONCEPTS)) for (const w of words) CONCEPT_OF.set(w, concept)

const CONCEPT_WEIGHT = 3
const WORD_WEIGHT = 1
const TRIGRAM_WEIGHT = 0.35

/** Plural and simple verb endings off, so "flights" finds "flight". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOPWORDS.has(w))
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function add(vector: Float64Array, feature: string, weight: number): void {
  const h = hash(feature)
  const sign = (h & 1) === 0 ? 1 : -1
  const i = (h >>> 1) % vector.length
  vector[i] = (vector[i] ?? 0) + sign * weight
}

/** The unit vector of `text` in `dims` dimensions; the first n of a longer one are the n-dim vector's direction. */
export function embedText(text: string, dims: number): number[] {
  const vector = new Float64Array(dims)
  for (const raw of words(text)) {
    const word = stem(raw)
    const concept = CONCEPT_OF.get(word) ?? CONCEPT_OF.get(raw)
    if (concept) add(vector, `c:${concept}`, CONCEPT_WEIGHT)
    add(vector, `w:${word}`, WORD_WEIGHT)
    const padded = `#${word}#`
    for (let i = 0; i + 3 <= padded.length; i++) add(vector, `t:${padded.slice(i, i + 3)}`, TRIGRAM_WEIGHT)
  }
  // An empty text still gets a unit vector, as a model would give it.
  if (vector.every((v) => v === 0)) add(vector, 'empty', 1)
  let norm = 0
  for (const v of vector) norm += v * v
  norm = Math.sqrt(norm)
  return Array.from(vector, (v) => Math.round((v / norm) * 1e6) / 1e6)
}

export type Dtype = 'float' | 'int8' | 'uint8' | 'binary' | 'ubinary'

/** Quantises a unit vector as the API's output_dtype does; binary types pack 8 signs per byte. */
export function quantize(vector: number[], dtype: Dtype): number[] {
  if (dtype === 'float') return vector
  const max = Math.max(...vector.map(Math.abs)) || 1
  if (dtype === 'int8' || dtype === 'uint8') {
    const offset = dtype === 'uint8' ? 128 : 0
    return vector.map((v) => Math.max(-128, Math.min(127, Math.round((v / max) * 127))) + offset)
  }
  const bytes: number[] = []
  for (let i = 0; i < vector.length; i += 8) {
    let byte = 0
    for (let b = 0; b < 8; b++) if ((vector[i + b] ?? 0) > 0) byte |= 1 << (7 - b)
    bytes.push(dtype === 'binary' ? byte - 128 : byte)
  }
  return bytes
}
