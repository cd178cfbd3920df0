/** Named starting points for new chats: a model, a system prompt and parameters. */
import { z } from 'zod'
import type { Preset } from '../domain'
import { conversationSettingsSchema } from './conversations'
import { channel, empty, id, modelId, returns } from './define'

export const channels = {
  'presets.list': channel(empty, returns<Preset[]>()),
  /** With an id it updates that preset; without, it creates one. */
  'presets.save': channel(
    z
      .object({ id: id.optional(), name: z.string().trim().min(1).max(100), model: modelId })
      .merge(conversationSettingsSchema)
      .strict(),
    returns<Preset>(),
  ),
  'presets.delete': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),
}

export const events = {}
