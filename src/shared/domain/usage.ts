/** Token counts of one API call, as the API reported them. */
export interface Usage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
  /** Prompt tokens served from the cache (included in promptTokens), where the API reported them. */
  cachedTokens?: number
  /** Seconds of audio in the prompt (`prompt_audio_seconds`). */
  audioSeconds?: number
}

export type Currency = 'USD' | 'EUR'

/** The capability a call billed (the ledger's `kind`). */
export type UsageCapability =
  | 'chat'
  | 'title'
  | 'fim'
  | 'embeddings'
  | 'ocr'
  | 'moderation'
  | 'classification'
  | 'audio'
  | 'batch'
  | 'fine_tuning'

/** One ledger row as the dashboard shows it. Money is integer micro-units of `currency`; null = no price. */
export interface UsageCall {
  id: string
  at: number
  kind: UsageCapability
  endpoint: string
  model: string
  billedModel: string
  promptTokens: number
  cachedTokens: number
  completionTokens: number
  pages: number
  annotatedPages: number
  audioMs: number
  conversationId: string | null
  documentId: string | null
  messageId: string | null
  estimated: boolean
  costMicro: number | null
  priceSource: string
}

export interface SpendLine {
  key: string
  /** A conversation's title, where the key is a conversation id and it still exists. */
  label: string | null
  costMicro: number
  calls: number
  /** Calls here with no price in this currency: counted apart, never as 0. */
  unpricedCalls: number
}

export interface Projection {
  costMicro: number
  /** The method, in words, e.g. "Last 7 days' daily average × 12 days left, plus spend to date". */
  method: string
}

export interface MonthReport {
  month: string
  timeZone: string
  currency: Currency
  /** ms: [start, end) of the month in the time zone. */
  start: number
  end: number
  costMicro: number
  calls: number
  unpricedCalls: number
  estimatedCalls: number
  /** Only for the current month. */
  projection: Projection | null
  /** One entry per local day: spend by billed model. */
  daily: { day: string; byModel: Record<string, number> }[]
  byModel: SpendLine[]
  byCapability: SpendLine[]
  byConversation: SpendLine[]
  byDocument: SpendLine[]
  topCalls: UsageCall[]
  previous: { month: string; costMicro: number; calls: number; unpricedCalls: number }
}

export interface ConversationSpend {
  conversationId: string
  currency: Currency
  costMicro: number
  calls: number
  unpricedCalls: number
  /** Per reply (assistant message): what it billed. */
  byMessage: Record<string, { promptTokens: number; completionTokens: number; costMicro: number | null; estimated: boolean }>
}

export type BudgetScope = { type: 'all' } | { type: 'model'; model: string } | { type: 'capability'; capability: UsageCapability }

export interface Budget {
  id: string
  scope: BudgetScope
  amountMicro: number
  currency: Currency
  /** Percentages, e.g. [50, 80, 100]. */
  thresholds: number[]
  /** At 100%: refuse calls (true) or ask for confirmation (false). */
  hardStop: boolean
  createdAt: number
}

export interface BudgetStatus {
  budget: Budget
  /** "Monthly budget", "Monthly budget for mistral-large-latest". */
  name: string
  month: string
  spentMicro: number
  percent: number
  reached: boolean
}

export interface BudgetAlert {
  budgetId: string
  name: string
  month: string
  threshold: number
  spentMicro: number
  amountMicro: number
  currency: Currency
  firedAt: number
}

export interface UsageSettings {
  currency: Currency
  timeZone: string
}
