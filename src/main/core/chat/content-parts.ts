/**
 * Splits a streamed delta's content into answer text, thinking text and the other
 * chunks. Content is a string, or (reasoning models, citations) an array of chunks;
 * a chunk type we do not know, including one the SDK itself marks unknown, becomes
 * an `unsupported` part naming its type, never an exception.
 */
import type { ContentChunk } from '@mistralai/mistralai/models/components'

export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'thinking'; text: string }
  | { kind: 'reference'; ids: (number | string)[] }
  | { kind: 'unsupported'; chunkType: string }

export function splitContent(content: string | ContentChunk[] | null | undefined): Piece[] {
  if (typeof content === 'string') return content ? [{ kind: 'text', text: content }] : []
  if (!Array.isArray(content)) return []
  return content.flatMap((chunk) => pieces(chunk))
}

function pieces(chunk: ContentChunk): Piece[] {
  if (isUnknown(chunk)) return [{ kind: 'unsupported', chunkType: rawType(chunk.raw) }]
  switch (chunk.type) {
    case 'text':
      return chunk.text ? [{ kind: 'text', text: chunk.text }] : []
    case 'thinking': {
      // Thinking holds text chunks (and, rarely, references to tools); only the text is shown.
      const text = chunk.thinking.map((t) => ('text' in t && typeof t.text === 'string' ? t.text : '')).join('')
      return text ? [{ kind: 'thinking', text }] : []
    }
    case 'reference':
      return [{ kind: 'reference', ids: [...chunk.referenceIds] }]
    default:
      return [{ kind: 'unsupported', chunkType: String((chunk as { type?: unknown }).type ?? 'unknown') }]
  }
}

function isUnknown(chunk: ContentChunk): chunk is ContentChunk & { isUnknown: true; raw: unknown } {
  return (chunk as { isUnknown?: unknown }).isUnknown === true
}

function rawType(raw: unknown): string {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined
  return typeof type === 'string' && type ? type.slice(0, 64) : 'unknown'
}
