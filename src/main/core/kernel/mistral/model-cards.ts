/**
 * Turns GET /v1/models cards into the ModelSummary list the UI shows. The API lists
 * alias ids (e.g. mistral-small-latest) as cards of their own next to the dated
 * model, so cards that name each other are merged into one entry whose aliases
 * hold the other names.
 */
import type { BaseModelCard, FTModelCard, ModelList } from '@mistralai/mistralai/models/components'
import type { ModelSummary } from '../../../../shared/domain'

type Card = BaseModelCard | FTModelCard

function isCard(x: NonNullable<ModelList['data']>[number]): x is Card {
  return !('isUnknown' in x) && typeof (x as Card).capabilities === 'object'
}

/** A dated id is the real model; "-latest" names move between models over time. */
function canonicalRank(card: Card): number {
  return card.id.endsWith('latest') ? 1 : 0
}

/** The API has no embeddings capability; an embedding model is one that does nothing else and says so in its id. */
function isEmbeddingModel(card: Card): boolean {
  const c = card.capabilities
  return /embed/i.test(card.id) && !c.completionChat && !c.ocr && !c.moderation
}

function toSummary(card: Card, names: Set<string>): ModelSummary {
  const c = card.capabilities
  const deprecation = card.deprecation ?? null
  return {
    id: card.id,
    name: card.name || card.id,
    description: card.description ?? '',
    maxContextLength: card.maxContextLength,
    aliases: [...names].filter((n) => n !== card.id).sort(),
    capabilities: {
      chat: c.completionChat,
      functionCalling: c.functionCalling,
      vision: c.vision,
      reasoning: c.reasoning,
      fim: c.completionFim,
      ocr: c.ocr,
      moderation: c.moderation,
      embeddings: isEmbeddingModel(card),
      fineTuning: c.fineTuning,
      audio: c.audio || c.audioTranscription || c.audioSpeech,
    },
    defaultTemperature: card.defaultModelTemperature ?? null,
    deprecated: deprecation != null,
    retiresAt: deprecation ? deprecation.toISOString() : null,
    replacement: card.deprecationReplacementModel ?? null,
    created: card.created ?? 0,
    fineTuned: card.type === 'fine-tuned' ? { job: card.job, root: card.root, archived: card.archived ?? false } : null,
  }
}

export function summarizeModels(list: ModelList): ModelSummary[] {
  const cards = (list.data ?? []).filter(isCard)
  // Union-find over names: two cards are one model when either lists the other's id.
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let root = x
    while (parent.get(root) !== root) root = parent.get(root) ?? root
    parent.set(x, root)
    return root
  }
  const byId = new Map<string, Card>()
  for (const card of cards) {
    if (byId.has(card.id)) continue
    byId.set(card.id, card)
    parent.set(card.id, card.id)
  }
  for (const card of byId.values()) {
    for (const alias of card.aliases ?? []) {
      if (!parent.has(alias)) parent.set(alias, alias)
      parent.set(find(alias), find(card.id))
    }
  }
  const groups = new Map<string, { cards: Card[]; names: Set<string> }>()
  for (const name of parent.keys()) {
    const root = find(name)
    const g = groups.get(root) ?? { cards: [], names: new Set<string>() }
    g.names.add(name)
    const card = byId.get(name)
    if (card) g.cards.push(card)
    groups.set(root, g)
  }
  const summaries: ModelSummary[] = []
  for (const g of groups.values()) {
    const best = [...g.cards].sort((a, b) => canonicalRank(a) - canonicalRank(b) || a.id.localeCompare(b.id))[0]
    if (best) summaries.push(toSummary(best, g.names))
  }
  return summaries.sort((a, b) => a.id.localeCompare(b.id))
}
