/**
 * The answer text of a message or delta. Content may be a string or an array of
 * chunks (reasoning models send `thinking` chunks before `text`); only text counts.
 */
import type { ContentChunk } from '@mistralai/mistralai/models/components'

export function contentText(content: string | ContentChunk[] | null | undefined): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((c) => (c.type === 'text' && 'text' in c ? c.text : '')).join('')
}
