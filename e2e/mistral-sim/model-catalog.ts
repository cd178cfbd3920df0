// Turns Mistral's own model catalog into the BaseModelCard list that
// GET /v1/models returns, so the simulator offers the same ids as the service.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const CATALOG_PATH = fileURLToPath(new URL('../../resources/model-catalog.json', import.meta.url))

type Status = 'GA' | 'PublicPreview' | 'Deprecated' | 'Retired'

interface CatalogModel {
  name: string
  slug: string
  apiNames: string[]
  releaseDate: string
  status: Status
  contextLength: string | null
  type: string
  class: string
  capabilities: { input: string[]; output: string[]; features: string[] }
}

/** Key order follows ModelCapabilities in the spec; every key is always sent. */
export interface ModelCapabilities {
  completion_chat: boolean
  function_calling: boolean
  reasoning: boolean
  completion_fim: boolean
  fine_tuning: boolean
  vision: boolean
  ocr: boolean
  classification: boolean
  moderation: boolean
  audio: boolean
  audio_transcription: boolean
  audio_transcription_realtime: boolean
  audio_speech: boolean
  unified_resources: boolean
}

export interface BaseModelCard {
  id: string
  object: 'model'
  created: number
  owned_by: 'mistralai'
  capabilities: ModelCapabilities
  name: string
  description: string
  max_context_length: number
  aliases: string[]
  deprecation: string | null
  deprecation_replacement_model: string | null
  default_model_temperature: number | null
  type: 'base'
}

/**
 * The catalog has no retirement dates, but a Deprecated card needs one
 * (clients show it). A fixed date keeps the list deterministic.
 */
export const SIM_DEPRECATION_DATE = '2027-03-31T00:00:00Z'

/**
 * The spec's default for max_context_length; used where the catalog has none
 * (OCR, speech and transcription models list null or "--").
 */
const DEFAULT_CONTEXT = 32768

const STATUS_RANK: Record<Status, number> = { GA: 3, PublicPreview: 2, Deprecated: 1, Retired: 0 }

export function parseContextLength(value: string | null): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(value ?? '')
  if (!m) return DEFAULT_CONTEXT
  const unit = m[2]?.toLowerCase() === 'm' ? 1024 * 1024 : m[2] ? 1024 : 1
  return Math.round(Number(m[1]) * unit)
}

/**
 * The catalog does not say which models could be fine-tuned. These families could
 * when the jobs API was current (Mistral's fine-tuning docs, 2025); the simulator's
 * fine-tuning jobs accept exactly the cards marked so.
 */
const FINE_TUNABLE = /^(mistral-small|ministral-(3b|8b)|codestral|open-mistral-nemo)-(latest|\d{4})$/

function capabilitiesOf(model: CatalogModel): ModelCapabilities {
  const features = new Set(model.capabilities.features)
  const input = new Set(model.capabilities.input)
  const chat = features.has('chat-completions')
  const transcription = features.has('transcriptions')
  return {
    completion_chat: chat,
    function_calling: features.has('function-calling'),
    // The catalog has no reasoning feature; Magistral is the reasoning family.
    reasoning: /magistral/i.test(model.name),
    completion_fim: features.has('fim'),
    fine_tuning: model.status !== 'Deprecated' && model.apiNames.some((id) => FINE_TUNABLE.test(id)),
    vision: input.has('image'),
    ocr: features.has('ocr'),
    classification: false,
    moderation: features.has('moderations'),
    audio: chat && input.has('audio'),
    audio_transcription: transcription,
    audio_transcription_realtime: transcription && /realtime/i.test(model.slug),
    audio_speech: features.has('tts'),
    unified_resources: false,
  }
}

function orCapabilities(a: ModelCapabilities, b: ModelCapabilities): ModelCapabilities {
  const out = { ...a }
  for (const key of Object.keys(out) as (keyof ModelCapabilities)[]) out[key] = a[key] || b[key]
  return out
}

function loadCatalog(): CatalogModel[] {
  const raw = JSON.parse(readFileSync(CATALOG_PATH, 'utf8')) as { models: CatalogModel[] }
  return raw.models
}

let cached: BaseModelCard[] | undefined

export function modelCards(): BaseModelCard[] {
  if (!cached) cached = buildCards(loadCatalog())
  return cached
}

export function buildCards(catalog: CatalogModel[]): BaseModelCard[] {
  const live = catalog.filter((m) => m.status !== 'Retired' && m.apiNames.length > 0)
  // An api name can appear under several catalog entries (voxtral-mini-latest
  // moved from the chat model to the transcription model). The best status
  // owns the name; equal statuses are merged.
  const owners = new Map<string, CatalogModel[]>()
  for (const model of live) {
    for (const id of new Set(model.apiNames)) {
      const current = owners.get(id)
      const best = current?.[0]
      if (!best || STATUS_RANK[model.status] > STATUS_RANK[best.status]) owners.set(id, [model])
      else if (STATUS_RANK[model.status] === STATUS_RANK[best.status]) current.push(model)
    }
  }

  const cards: BaseModelCard[] = []
  for (const [id, group] of owners) {
    const first = group[0] as CatalogModel
    const aliases = [...owners.keys()].filter(
      (other) => other !== id && owners.get(other)?.some((m) => group.includes(m)),
    )
    const capabilities = group.map(capabilitiesOf).reduce(orCapabilities)
    const isCode = /codestral|devstral|leanstral/i.test(first.name)
    cards.push({
      id,
      object: 'model',
      created: Math.floor(Date.parse(first.releaseDate) / 1000),
      owned_by: 'mistralai',
      capabilities,
      name: first.name,
      description: describe(first),
      max_context_length: Math.max(...group.map((m) => parseContextLength(m.contextLength))),
      aliases,
      deprecation: first.status === 'Deprecated' ? SIM_DEPRECATION_DATE : null,
      deprecation_replacement_model: first.status === 'Deprecated' ? replacementFor(id, catalog) : null,
      default_model_temperature: capabilities.completion_chat ? (isCode ? 0.3 : 0.7) : null,
      type: 'base',
    })
  }
  return cards
}

/** "mistral-large-2411" → "mistral-large": the family a dated or -latest id belongs to. */
export function familyOf(id: string): string {
  return id.replace(/-(latest|\d{4})$/, '')
}

/**
 * The catalog has no replacement field; a deprecated model's replacement is the
 * -latest alias of a GA model of the same family, when there is one.
 */
function replacementFor(id: string, catalog: CatalogModel[]): string | null {
  const latest = `${familyOf(id)}-latest`
  if (latest === id) return null
  const ga = catalog.find((m) => m.status === 'GA' && m.apiNames.includes(latest))
  return ga ? latest : null
}

function describe(model: CatalogModel): string {
  const preview = model.status === 'PublicPreview' ? ' (public preview)' : ''
  return `${model.name}: ${model.type} ${model.class.toLowerCase()} model released ${model.releaseDate}${preview}.`
}

export function findModel(id: string): BaseModelCard | undefined {
  return modelCards().find((card) => card.id === id)
}
