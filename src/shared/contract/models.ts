/** The models the key can use, from GET /v1/models. */
import { z } from 'zod'
import type { ModelSummary } from '../domain'
import { channel, returns } from './define'

export const channels = {
  'models.list': channel(z.object({ refresh: z.boolean().optional() }).strict(), returns<ModelSummary[]>()),
}

export const events = {}
