/** Models the key can use, as summarized from GET /v1/models, and what the Models screen adds. */
export interface ModelSummary {
  id: string
  name: string
  description: string
  maxContextLength: number
  aliases: string[]
  capabilities: {
    chat: boolean
    functionCalling: boolean
    vision: boolean
    reasoning: boolean
    fim: boolean
    ocr: boolean
    // Optional only so fixtures written before the Models screen still type-check; main always sets them.
    moderation?: boolean
    embeddings?: boolean
    fineTuning?: boolean
    audio?: boolean
  }
  defaultTemperature: number | null
  deprecated: boolean
  /** When Mistral retires the model (the card's `deprecation` date), ISO 8601; null when none is announced. */
  retiresAt?: string | null
  /** The model Mistral suggests instead of a deprecated one. */
  replacement?: string | null
  /** Release time, seconds since the epoch (the card's `created`). */
  created?: number
  /** Only for the account's own fine-tuned models. */
  fineTuned?: FineTunedInfo | null
  /** USD per million tokens from the model catalog; null when the catalog has no token price. */
  price?: ModelPrice | null
}

export interface FineTunedInfo {
  job: string
  /** The base model it was trained from. */
  root: string
  archived: boolean
}

export interface ModelPrice {
  inputUsdPerMTok: number | null
  outputUsdPerMTok: number | null
}

/** The Models screen's list: fresh from Mistral, or the last answer saved for this key when offline. */
export interface ModelCatalogView {
  models: ModelSummary[]
  /** When the list was fetched from Mistral (ms epoch). */
  fetchedAt: number
  /** True when Mistral could not be reached and the saved list is shown. */
  offline: boolean
}

/** What a "-latest" alias points at today. */
export interface AliasResolution {
  alias: string
  resolvesTo: string
}

export type PinWarningKind = 'deprecated' | 'retiring'

/** Why a model chosen for a conversation or preset needs attention, with what to use instead. */
export interface PinWarning {
  kind: PinWarningKind
  model: string
  /** ISO date of retirement, when known. */
  retiresAt: string | null
  /** Days until retirement (negative once past); null when no date is known. */
  daysLeft: number | null
  replacement: string | null
  message: string
}

/** The advice for a model name: what it resolves to, its dated version to pin, and any warning. */
export interface PinAdvice {
  model: string
  /** The dated model the name resolves to today (itself when already dated); null when unknown. */
  resolvesTo: string | null
  /** True when `model` is a dated id (reproducible), false for a moving alias. */
  pinned: boolean
  warning: PinWarning | null
}
