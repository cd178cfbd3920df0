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
  /** Simulated seconds per wall-clock second for jobs (batch, fine-tuning); 1 is real time, 0 stops the clock (only /__sim/advance moves it). */
  timeScale: number
  /**
   * What the deprecated /v1/fine_tuning/jobs* routes answer: 'available', or 404 / 410
   * as for an account without fine-tuning or after Mistral retires the API.
   */
  fineTuning: 'available' | 404 | 410
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
  if (c.timeScale !== undefined) {
    if (typeof c.timeScale !== 'number' || !(c.timeScale >= 0) || c.timeScale > 1_000_000) {
      return 'timeScale must be a number >= 0 and <= 1000000'
    }
    next.timeScale = c.timeScale
  }
  if (c.fineTuning !== undefined) {
    if (c.fineTuning !== 'available' && c.fineTuning !== 404 && c.fineTuning !== 410) {
      return "fineTuning must be 'available', 404 or 410"
    }
    next.fineTuning = c.fineTuning
  }
  return next
}
