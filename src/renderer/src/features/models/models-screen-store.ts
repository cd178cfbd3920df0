/** The Models screen: the full list (fresh or the offline copy), its filter and sort, and fine-tuned model actions. */
import { create } from 'zustand'
import type { ModelCatalogView, ModelSummary } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'

export const BADGES = [
  ['chat', 'Chat'],
  ['functionCalling', 'Tools'],
  ['vision', 'Vision'],
  ['reasoning', 'Reasoning'],
  ['fim', 'FIM'],
  ['ocr', 'OCR'],
  ['moderation', 'Moderation'],
  ['embeddings', 'Embeddings'],
  ['fineTuning', 'Fine-tuning'],
  ['audio', 'Audio'],
] as const

export type Capability = (typeof BADGES)[number][0]
export type SortKey = 'name' | 'price' | 'context'

interface State {
  view: ModelCatalogView | null
  loading: boolean
  error: AppError | null
  capability: Capability | 'all'
  sort: SortKey
}

export const useModelsScreen = create<State>(() => ({ view: null, loading: false, error: null, capability: 'all', sort: 'name' }))

export function badgesOf(m: ModelSummary): string[] {
  return BADGES.filter(([key]) => m.capabilities[key] === true).map(([, label]) => label)
}

/** What the table shows: filtered by capability, sorted; models without a price sort last by price. */
export function visibleModels(models: readonly ModelSummary[], capability: Capability | 'all', sort: SortKey): ModelSummary[] {
  const shown = capability === 'all' ? [...models] : models.filter((m) => m.capabilities[capability] === true)
  const price = (m: ModelSummary) => m.price?.inputUsdPerMTok ?? Number.POSITIVE_INFINITY
  const compare: Record<SortKey, (a: ModelSummary, b: ModelSummary) => number> = {
    name: (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    price: (a, b) => price(a) - price(b) || a.id.localeCompare(b.id),
    context: (a, b) => b.maxContextLength - a.maxContextLength || a.id.localeCompare(b.id),
  }
  return shown.sort(compare[sort])
}

export async function loadCatalog(refresh = false): Promise<void> {
  useModelsScreen.setState({ loading: true, error: null })
  try {
    const view = await call('models.browse', refresh ? { refresh } : {})
    useModelsScreen.setState({ view, loading: false })
  } catch (err) {
    useModelsScreen.setState({ loading: false, error: toAppError(err) })
  }
}

/** Runs a fine-tuned model action; the list that comes back replaces the shown one. */
async function act(run: () => Promise<ModelSummary[]>): Promise<void> {
  useModelsScreen.setState({ error: null })
  try {
    const models = await run()
    useModelsScreen.setState({ view: { models, fetchedAt: Date.now(), offline: false } })
  } catch (err) {
    useModelsScreen.setState({ error: toAppError(err) })
  }
}

export const renameModel = (modelId: string, name: string) => act(() => call('models.rename', { modelId, name }))
export const archiveModel = (modelId: string, archived: boolean) => act(() => call('models.archive', { modelId, archived }))
export const deleteModel = (modelId: string) => act(() => call('models.delete', { modelId }))
