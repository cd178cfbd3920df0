/** The models the key can use (GET /v1/models), pin advice, and the account's fine-tuned models. */
import { z } from 'zod'
import type { AliasResolution, ModelCatalogView, ModelSummary, PinAdvice } from '../domain'
import { channel, empty, modelId, returns } from './define'

const refresh = z.object({ refresh: z.boolean().optional() }).strict()

export const channels = {
  /** Fresh or cached in memory; the list saved for this key when Mistral cannot be reached. */
  'models.list': channel(refresh, returns<ModelSummary[]>()),
  /** The same list with when it was fetched and whether it is the offline copy. */
  'models.browse': channel(refresh, returns<ModelCatalogView>()),
  /** What each "-latest" alias resolves to today. */
  'models.aliases': channel(empty, returns<AliasResolution[]>()),
  /** For each model name (a conversation's or preset's): the dated version to pin and any deprecation warning. */
  'models.advise': channel(z.object({ models: z.array(modelId).max(200) }).strict(), returns<PinAdvice[]>()),
  'models.rename': channel(
    z.object({ modelId, name: z.string().min(1).max(200), description: z.string().max(2000).nullable().optional() }).strict(),
    returns<ModelSummary[]>(),
  ),
  'models.archive': channel(z.object({ modelId, archived: z.boolean() }).strict(), returns<ModelSummary[]>()),
  'models.delete': channel(z.object({ modelId }).strict(), returns<ModelSummary[]>()),
}

export const events = {}
