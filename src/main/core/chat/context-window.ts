/**
 * Keeps a request inside the model's context window. The estimate is the one the
 * window's context meter uses (shared/tokens.ts), so the warning the user sees and
 * the check here agree. It errs high: better to ask early than to get the API's 400.
 */
import { AppErrorException, appError } from '../../../shared/errors'
import { estimateMessagesTokens } from '../../../shared/tokens'
import type { ChatTurn } from '../kernel/mistral/mistral-client'

/** Room kept for the reply when the user set no max_tokens. */
export const DEFAULT_REPLY_BUDGET = 1024

export interface ContextLimit {
  model: string
  /** Null when the model list has not been fetched with this key: nothing to check against. */
  maxContextLength: number | null
  /** Tokens the reply may take (max_tokens, or the default). */
  replyBudget: number
  /** Drop the oldest turns instead of failing. */
  trimToFit: boolean
}

const needed = (turns: readonly ChatTurn[], replyBudget: number) => estimateMessagesTokens(turns) + replyBudget

/**
 * The turns to send: unchanged when they fit; otherwise, with trimToFit, without the
 * oldest whole turns (a user message and the replies after it), keeping the system
 * prompt and the new message. Throws too_large when that is not allowed or not enough.
 */
export function fitToContext(turns: readonly ChatTurn[], limit: ContextLimit): ChatTurn[] {
  const max = limit.maxContextLength
  if (max === null || needed(turns, limit.replyBudget) <= max) return [...turns]
  if (!limit.trimToFit) {
    throw tooLarge(
      `This conversation is longer than ${limit.model}'s context window ` +
        `(~${needed(turns, limit.replyBudget)} of ${max} tokens). Trim the oldest turns to send.`,
    )
  }
  const system = turns[0]?.role === 'system' ? [turns[0]] : []
  const body = turns.slice(system.length, -1)
  const last = turns.slice(-1)
  const fits = () => needed([...system, ...body, ...last], limit.replyBudget) <= max
  while (body.length > 0 && !fits()) {
    body.shift()
    // Start again at a user message: the history must not open with a reply to nothing.
    while (body.length > 0 && body[0]?.role !== 'user') body.shift()
  }
  if (!fits()) {
    throw tooLarge(
      `This message is too long for ${limit.model}'s context window even without earlier turns ` +
        `(~${needed([...system, ...last], limit.replyBudget)} of ${max} tokens). Shorten it, the system prompt ` +
        'or max tokens, or pick a model with a larger window.',
    )
  }
  return [...system, ...body, ...last]
}

function tooLarge(message: string): AppErrorException {
  return new AppErrorException(appError('too_large', message))
}
