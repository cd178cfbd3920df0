/**
 * What the model picker shows for each model, in one place: models.list's summary joined
 * with Mistral's published catalog (friendly name, family, price per million tokens). A
 * field models.list gains later (prices, deprecation dates) plugs in here; a model the
 * catalog does not know still shows, under its id, in "Other".
 */
import catalog from '../../../../../../resources/model-catalog.json'
import type { ModelSummary } from '../../../../../shared/domain'
import { formatContext, latestAlias } from '../../models/models-store'

interface CatalogEntry {
  name: string
  apiNames: string[]
  status: string
  capabilities: { input: string[]; output: string[] }
  pricing: { input: { usd?: number }[]; output: { usd?: number }[] }
}

export type Capability = 'vision' | 'tools' | 'reasoning' | 'fim'

export interface ModelOption {
  id: string
  name: string
  family: string
  /** "128k" */
  context: string
  capabilities: Capability[]
  /** "$0.15 / $0.60 per M tokens" (input / output), when the catalog has a price. */
  price?: string
  deprecated: boolean
  /** Lowercased text the search box matches: name, id and aliases. */
  haystack: string
}

const entries = (catalog as { models: CatalogEntry[] }).models
const byApiName = new Map<string, CatalogEntry>()
for (const e of entries) for (const n of e.apiNames) if (!byApiName.has(n)) byApiName.set(n, e)

function entryFor(m: ModelSummary): CatalogEntry | undefined {
  return byApiName.get(m.id) ?? m.aliases.map((a) => byApiName.get(a)).find(Boolean)
}

/** "Mistral Small 4" → "Mistral Small"; "Magistral Medium 1.2" → "Magistral"; "Codestral" → "Codestral". */
export function familyOf(name: string): string {
  const words = name.split(/\s+/)
  return words[0] === 'Mistral' && words[1] ? `Mistral ${words[1]}` : (words[0] ?? name)
}

const usd = (n: number) => `$${n < 0.1 ? n.toFixed(3).replace(/0$/, '') : n.toFixed(2)}`

function priceOf(e: CatalogEntry | undefined): string | undefined {
  const input = e?.pricing.input[0]?.usd
  const output = e?.pricing.output[0]?.usd
  if (input === undefined) return undefined
  return output === undefined ? `${usd(input)} per M tokens` : `${usd(input)} / ${usd(output)} per M tokens`
}

/** A chat model takes and gives text: speech-only (transcription, TTS) and embedding models say they chat but do not. */
function chatsInText(e: CatalogEntry | undefined): boolean {
  if (!e) return true
  return e.capabilities.input.includes('text') && e.capabilities.output.includes('text')
}

export function toOption(m: ModelSummary): ModelOption | null {
  const entry = entryFor(m)
  if (!m.capabilities.chat || !chatsInText(entry)) return null
  const capabilities: Capability[] = []
  if (m.capabilities.vision) capabilities.push('vision')
  if (m.capabilities.functionCalling) capabilities.push('tools')
  if (m.capabilities.reasoning) capabilities.push('reasoning')
  if (m.capabilities.fim) capabilities.push('fim')
  const name = entry?.name ?? latestAlias(m) ?? m.id
  return {
    id: m.id,
    name,
    family: entry ? familyOf(entry.name) : 'Other',
    context: formatContext(m.maxContextLength),
    capabilities,
    price: priceOf(entry),
    deprecated: m.deprecated || entry?.status === 'Deprecated' || entry?.status === 'Retired',
    haystack: [name, m.id, ...m.aliases].join(' ').toLowerCase(),
  }
}

/** The general-purpose families first, as Mistral's own docs list them; the rest after, as they come. */
const FAMILY_ORDER = ['Mistral Small', 'Mistral Medium', 'Mistral Large', 'Magistral', 'Ministral', 'Codestral', 'Devstral', 'Pixtral']

export interface OptionGroup {
  label: string
  options: ModelOption[]
}

/**
 * Recent models first (most recent on top), then one group per family in the order the
 * families first appear. Deprecated models only when asked for; the query matches any
 * word of name, id or alias.
 */
export function groupOptions(
  options: readonly ModelOption[],
  { query, showDeprecated, recent }: { query: string; showDeprecated: boolean; recent: readonly string[] },
): OptionGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const shown = options.filter(
    (o) => (showDeprecated || !o.deprecated) && words.every((w) => o.haystack.includes(w)),
  )
  const recentOptions = recent.map((id) => shown.find((o) => o.id === id)).filter((o): o is ModelOption => !!o)
  const groups: OptionGroup[] = recentOptions.length ? [{ label: 'Recent', options: recentOptions }] : []
  const families = new Map<string, ModelOption[]>()
  for (const o of shown) {
    if (recentOptions.includes(o)) continue
    families.set(o.family, [...(families.get(o.family) ?? []), o])
  }
  const rank = (family: string) => {
    const at = FAMILY_ORDER.indexOf(family)
    return at < 0 ? FAMILY_ORDER.length : at
  }
  const ordered = [...families].sort(([a], [b]) => rank(a) - rank(b))
  for (const [label, list] of ordered) groups.push({ label, options: list })
  return groups
}

/** Short badges rather than emoji: the system may have no emoji font. */
export const CAPABILITY_LABELS: Record<Capability, { badge: string; label: string }> = {
  vision: { badge: 'Vision', label: 'Reads images' },
  tools: { badge: 'Tools', label: 'Calls tools' },
  reasoning: { badge: 'Reasoning', label: 'Reasons step by step' },
  fim: { badge: 'FIM', label: 'Code completion (fill in the middle)' },
}
