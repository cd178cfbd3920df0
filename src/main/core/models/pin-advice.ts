/**
 * Version pinning: which dated model a name resolves to today, and whether a chosen
 * model needs a warning (deprecated, or retiring within RETIRING_WINDOW_DAYS) with the
 * replacement Mistral suggests. Pure functions over the model list.
 */
import type { AliasResolution, ModelSummary, PinAdvice, PinWarning } from '../../../shared/domain'

export const RETIRING_WINDOW_DAYS = 60
const DAY_MS = 86_400_000

const isMovingAlias = (name: string) => name.endsWith('-latest')

export function findModel(models: readonly ModelSummary[], name: string): ModelSummary | undefined {
  return models.find((m) => m.id === name) ?? models.find((m) => m.aliases.includes(name))
}

/** Every "-latest" alias and the dated id it points at today, sorted by alias. */
export function aliasResolutions(models: readonly ModelSummary[]): AliasResolution[] {
  const out: AliasResolution[] = []
  for (const m of models) {
    if (isMovingAlias(m.id)) continue // No dated version is known for this one.
    for (const alias of m.aliases) if (isMovingAlias(alias)) out.push({ alias, resolvesTo: m.id })
  }
  return out.sort((a, b) => a.alias.localeCompare(b.alias))
}

export function warningFor(model: ModelSummary, now: number): PinWarning | null {
  const retiresAt = model.retiresAt ?? null
  const daysLeft = retiresAt ? Math.ceil((Date.parse(retiresAt) - now) / DAY_MS) : null
  const retiringSoon = daysLeft !== null && daysLeft <= RETIRING_WINDOW_DAYS
  if (!model.deprecated && !retiringSoon) return null
  const replacement = model.replacement ?? null
  const when = retiresAt
    ? daysLeft !== null && daysLeft < 0
      ? `was retired on ${retiresAt.slice(0, 10)}`
      : `retires on ${retiresAt.slice(0, 10)} (in ${daysLeft} days)`
    : 'is deprecated'
  const instead = replacement ? ` Switch to ${replacement}.` : ''
  return {
    kind: retiringSoon ? 'retiring' : 'deprecated',
    model: model.id,
    retiresAt,
    daysLeft,
    replacement,
    message: `${model.id} ${model.deprecated && retiresAt ? `is deprecated and ${when}` : when}.${instead}`,
  }
}

export function pinAdvice(models: readonly ModelSummary[], name: string, now: number): PinAdvice {
  const model = findModel(models, name)
  if (!model) return { model: name, resolvesTo: null, pinned: !isMovingAlias(name), warning: null }
  const resolvesTo = isMovingAlias(model.id) ? null : model.id
  return { model: name, resolvesTo, pinned: !isMovingAlias(name), warning: warningFor(model, now) }
}
