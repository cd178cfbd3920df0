/** The chat models the key can use, and the one the user picked last. */
import { create } from 'zustand'
import type { ModelSummary } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'

export const DEFAULT_MODEL = 'mistral-small-latest'
const STORAGE_KEY = 'mdesk.model'

interface ModelsState {
  /** Only models that can chat. */
  models: ModelSummary[]
  selected: string | null
  loading: boolean
  error: AppError | null
}

// localStorage is absent in Node (unit tests) and may throw when storage is disabled.
function remembered(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null
  }
}

function remember(id: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, id)
  } catch {
    // A UI preference is not worth an error message.
  }
}

/** The model a name refers to: its own id, or one of the aliases main merged into it. */
function findModel(models: ModelSummary[], name: string | null): ModelSummary | undefined {
  if (!name) return undefined
  return models.find((m) => m.id === name) ?? models.find((m) => m.aliases.includes(name))
}

export function pickDefault(models: ModelSummary[], preferred: string | null): string | null {
  return (findModel(models, preferred) ?? findModel(models, DEFAULT_MODEL) ?? models[0])?.id ?? preferred
}

/** The moving "-latest" name users know a model by, if it has one. */
export function latestAlias(model: ModelSummary): string | undefined {
  return model.aliases.find((a) => a.endsWith('-latest'))
}

// Deprecated models stay pickable (old chats use them) but should not be the first thing offered.
const currentFirst = (a: ModelSummary, b: ModelSummary) => Number(a.deprecated) - Number(b.deprecated)

export const useModelsStore = create<ModelsState>(() => ({
  models: [],
  selected: remembered(),
  loading: false,
  error: null,
}))

export async function loadModels(refresh = false): Promise<void> {
  useModelsStore.setState({ loading: true, error: null })
  const result = await callInto(useModelsStore, 'models.list', refresh ? { refresh } : {}, { onError: { loading: false } })
  if (!result.ok) return
  const models = result.value.filter((m) => m.capabilities.chat).sort(currentFirst)
  useModelsStore.setState((s) => ({ models, loading: false, selected: pickDefault(models, s.selected) }))
}

export function selectModel(id: string): void {
  remember(id)
  useModelsStore.setState({ selected: id })
}

/** "128k" for 131072 and for 128000: the API reports either round thousands or powers of two. */
export function formatContext(tokens: number): string {
  if (tokens < 1000) return String(tokens)
  return tokens % 1000 === 0 ? `${tokens / 1000}k` : `${Math.round(tokens / 1024)}k`
}

/** Selects a model by id or alias (a preset may name "mistral-small-latest"); unknown names are kept as given. */
export function selectModelByName(name: string): void {
  selectModel(findModel(useModelsStore.getState().models, name)?.id ?? name)
}

/**
 * Follows an opened conversation's model, so its next turn goes to the model it was
 * using. A model the key can no longer use (retired, say) leaves the picker as it is.
 */
export function followConversationModel(name: string): void {
  const known = findModel(useModelsStore.getState().models, name)
  if (known) selectModel(known.id)
}

export function selectSelectedModel(s: ModelsState): ModelSummary | undefined {
  return findModel(s.models, s.selected)
}
