// What /__sim/config may change while the simulator runs. The server keeps the
// current value and hands it to each route with the request.
import { isCount } from './faults'

export interface SimConfig {
  /** Default streaming rate; 0 streams as fast as possible. */
  tokensPerSecond: number
  /** Completion tokens of a chat reply unless the message says otherwise. */
  replyTokens: number
  /** Default replies: realistic answers (the demo), or echo-and-filler that older tests match on. */
  replyStyle: 'assistant' | 'echo'
}

export const DEFAULT_REPLY_TOKENS = 40

/** `current` with the changes in `value` applied, or what is wrong with `value`. */
export function configFrom(value: unknown, current: SimConfig): SimConfig | string {
  if (typeof value !== 'object' || value === null) return 'config must be an object'
  const c = value as Record<string, unknown>
  const next = { ...current }
  if (c.tokensPerSecond !== undefined) {
    if (!isCount(c.tokensPerSecond)) return 'tokensPerSecond must be a number >= 0'
    next.tokensPerSecond = c.tokensPerSecond as number
  }
  if (c.replyTokens !== undefined) {
    if (!isCount(c.replyTokens)) return 'replyTokens must be a number >= 0'
    next.replyTokens = Math.floor(c.replyTokens as number)
  }
  if (c.replyStyle !== undefined) {
    if (c.replyStyle !== 'assistant' && c.replyStyle !== 'echo') return 'replyStyle must be "assistant" or "echo"'
    next.replyStyle = c.replyStyle
  }
  return next
}
