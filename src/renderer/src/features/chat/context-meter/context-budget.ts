/**
 * How much of the model's context window the next turn would use. The estimate is the
 * one main trims with (shared/tokens.ts), so the warning and the trimming agree.
 */
import { estimateMessagesTokens } from '../../../../../shared/tokens'

/** Tokens kept free for the reply when the conversation sets no max tokens. */
export const DEFAULT_REPLY_RESERVE = 1024

export interface ContextBudgetInput {
  systemPrompt: string
  /** estimateMessagesTokens of the visible thread that would be sent. */
  threadTokens: number
  /** The text about to be sent; empty while the composer is empty. */
  draft: string
  maxContextLength: number
  maxTokens?: number
}

export interface ContextBudget {
  used: number
  limit: number
  reserve: number
  /** False when the prompt plus the reply's reserve would not fit the window. */
  fits: boolean
}

export function contextBudget(input: ContextBudgetInput): ContextBudget {
  const extra = [input.systemPrompt, input.draft].filter((text) => text.trim() !== '').map((content) => ({ content }))
  const used = input.threadTokens + estimateMessagesTokens(extra)
  const reserve = input.maxTokens ?? DEFAULT_REPLY_RESERVE
  return { used, limit: input.maxContextLength, reserve, fits: used + reserve <= input.maxContextLength }
}

export function formatTokens(n: number): string {
  return n.toLocaleString('en-US')
}
