/** A stable, non-reversible name for an API key: rows can belong to a key without holding it. */
import { createHash } from 'node:crypto'

export function keyRef(apiKey: string): string {
  return createHash('sha256').update(`mistral-desk:models:${apiKey}`).digest('hex').slice(0, 24)
}
