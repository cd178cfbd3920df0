/** Named starting points for new chats: a model, a system prompt and parameters. */
import { create } from 'zustand'
import type { ConversationSettings, Preset } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'

interface PresetsState {
  list: Preset[]
  loaded: boolean
  error: AppError | null
}

export const usePresetsStore = create<PresetsState>(() => ({ list: [], loaded: false, error: null }))

const set = usePresetsStore.setState
const byName = (a: Preset, b: Preset) => a.name.localeCompare(b.name)

export async function loadPresets(): Promise<void> {
  const result = await callInto(usePresetsStore, 'presets.list', {}, { onError: { loaded: true } })
  if (result.ok) set({ list: [...result.value].sort(byName), loaded: true, error: null })
}

/** Saves a preset; one with the same name is replaced rather than duplicated. */
export async function savePreset(name: string, model: string, settings: ConversationSettings): Promise<Preset | null> {
  const existing = usePresetsStore.getState().list.find((p) => p.name === name.trim())
  const input = { ...(existing ? { id: existing.id } : {}), name, model, ...settings }
  const result = await callInto(usePresetsStore, 'presets.save', input)
  if (!result.ok) return null
  const saved = result.value
  set((s) => ({ list: [...s.list.filter((p) => p.id !== saved.id), saved].sort(byName), error: null }))
  return saved
}

export async function deletePreset(id: string): Promise<boolean> {
  const result = await callInto(usePresetsStore, 'presets.delete', { id })
  if (result.ok) set((s) => ({ list: s.list.filter((p) => p.id !== id), error: null }))
  return result.ok
}

export function dismissPresetsError(): void {
  set({ error: null })
}
