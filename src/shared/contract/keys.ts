/** The API key: its status (never the key itself), setting and removing it. */
import { z } from 'zod'
import type { KeyStatus } from '../domain'
import { channel, empty, returns } from './define'

export const channels = {
  'keys.status': channel(empty, returns<KeyStatus>()),
  /** Validates the key with GET /v1/models before storing it. */
  'keys.set': channel(
    z.object({ key: z.string().trim().min(8).max(256), persist: z.boolean().optional() }).strict(),
    returns<KeyStatus>(),
  ),
  'keys.delete': channel(empty, returns<KeyStatus>()),
}

export const events = {}
