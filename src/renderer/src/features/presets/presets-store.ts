/** Named starting points for new chats: a model, a system prompt and parameters. */
import { create } from 'zustand'
import type { ConversationSettings, Preset } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'

interface PresetsState {
  list: Preset[]
  loaded: boolean
  error: AppError | null
}

export const usePresetsStore = create<PresetsState>(() => ({ list: [], loaded: false, error: null }))

const set = usePresetsStore.setState
const byName = (a: Preset, b: Preset) => a.name.localeCompare(b.name)

export async function loadPresets(): Promise<void> {
  try {
    const list = await call('presets.list', {})
    set({ list: [...list].sort(byName), loaded: true, error: null })
  } catch (err) {
    set({ loaded: true, error: toAppError(err) })
  }
}

/** Saves a preset; one with the same name is replaced rather than duplicated. */
export async function savePreset(name: string, model: string, settings: ConversationSettings): Promise<Preset | null> {
  const existing = usePresetsStore.getState().list.find((p) => p.name === name.trim())
  try {
    const saved = await call('presets.save', { ...(existing ? { id: existing.id } : {}), name, model, ...settings })
    set((s) => ({ list: [...s.list.filter((p) => p.id !== saved.id), saved].sort(byName), error: null }))
    return saved
  } catch (err) {
    set({ error: toAppError(err) })
    return null
  }
}

export async function deletePreset(id: string): Promise<boolean> {
  try {
    await call('presets.delete', { id })
    set((s) => ({ list: s.list.filter((p) => p.id !== id), error: null }))
    return true
  } catch (err) {
    set({ error: toAppError(err) })
    return false
  }
}

export function dismissPresetsError(): void {
  set({ error: null })
}
