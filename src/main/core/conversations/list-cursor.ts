/**
 * The sidebar's paging cursor: the list-order key of a page's last row, opaque to the
 * renderer. A cursor that does not decode is the caller's mistake, said plainly.
 */
import { z } from 'zod'
import { AppErrorException, appError } from '../../../shared/errors'
import type { ListCursor } from './conversations-repo'

const cursorSchema = z.tuple([z.union([z.literal(0), z.literal(1)]), z.number().int(), z.string().min(1).max(64)])

export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.pinned, c.updatedAt, c.id])).toString('base64url')
}

export function decodeCursor(text: string): ListCursor {
  try {
    const [pinned, updatedAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
    return { pinned, updatedAt, id }
  } catch {
    throw new AppErrorException(appError('invalid_input', 'This list position is not valid any more; reload the list from the top.'))
  }
}
