/**
 * Our ChatParams to the SDK's request fields. Only parameters the user set are passed:
 * an unset one must be absent from the body (the model's default applies), and the
 * SDK serialises these camelCase names to the spec's snake_case (top_p, max_tokens,
 * random_seed, safe_prompt, presence_penalty, frequency_penalty).
 */
import type { ChatCompletionStreamRequest } from '@mistralai/mistralai/models/components'
import type { ChatParams } from '../../../../shared/domain'

export type SdkChatParams = Pick<
  ChatCompletionStreamRequest,
  'temperature' | 'topP' | 'maxTokens' | 'randomSeed' | 'safePrompt' | 'stop' | 'presencePenalty' | 'frequencyPenalty'
>

export function toSdkParams(p: ChatParams): SdkChatParams {
  const out: SdkChatParams = {}
  if (p.temperature !== undefined) out.temperature = p.temperature
  if (p.topP !== undefined) out.topP = p.topP
  if (p.maxTokens !== undefined) out.maxTokens = p.maxTokens
  if (p.randomSeed !== undefined) out.randomSeed = p.randomSeed
  if (p.safePrompt !== undefined) out.safePrompt = p.safePrompt
  // An empty list means "no stop sequences", which is the default: leave it out.
  if (p.stop !== undefined && p.stop.length > 0) out.stop = p.stop
  if (p.presencePenalty !== undefined) out.presencePenalty = p.presencePenalty
  if (p.frequencyPenalty !== undefined) out.frequencyPenalty = p.frequencyPenalty
  return out
}
