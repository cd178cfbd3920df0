/**
 * ChatParams are stored as JSON in conversations and presets. What comes back from
 * disk is checked with the contract's schema: a row written by a newer build (or by
 * hand) must not send the API a field or range it rejects.
 */
import { chatParamsSchema } from '../../../../shared/contract'
import type { ChatParams } from '../../../../shared/domain'

export function paramsToJson(params: ChatParams): string {
  return JSON.stringify(params)
}

export function paramsFromJson(json: string): ChatParams {
  try {
    const parsed = chatParamsSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : {}
  } catch {
    return {}
  }
}
