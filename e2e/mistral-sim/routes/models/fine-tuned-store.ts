// The account's fine-tuned models: created when a simulated fine-tuning job reaches
// SUCCESS, listed by GET /v1/models next to the catalog's cards, and archived,
// renamed or deleted through the fine-tuned-model routes.
import type { SimState } from '../../sim-state'

export interface FineTunedModel {
  id: string
  /** The base model the job trained. */
  root: string
  job: string
  created: number
  archived: boolean
  name: string | null
  description: string | null
}

/** The organisation every simulated fine-tune belongs to (an 8-hex id like the service's). */
export const SIM_ORG = '5e1d2a7c'
export const SIM_WORKSPACE = '7d3b9f10-2c44-4b7e-9a51-0f6e8c2d4a11'

export function fineTunedModels(state: SimState): Map<string, FineTunedModel> {
  return state.slot('fine-tuned-models', () => new Map<string, FineTunedModel>())
}
