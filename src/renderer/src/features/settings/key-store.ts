/**
 * The API key as the renderer may know it: a KeyStatus, never the key. The key passes
 * through saveKey() on its way to main and is not kept anywhere on this side.
 */
import { create } from 'zustand'
import type { KeyStatus } from '../../../../shared/domain'
import { appError, type AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'
import { loadModels } from '../models/models-store'

interface KeyState {
  status: KeyStatus | null
  busy: 'checking' | 'removing' | null
  error: AppError | null
  /** A short confirmation after an action, e.g. "Key removed." */
  notice: string | null
}

export const useKeyStore = create<KeyState>(() => ({
  status: null,
  busy: null,
  error: null,
  notice: null,
}))

const set = useKeyStore.setState

export async function loadKeyStatus(): Promise<KeyStatus | null> {
  const result = await callInto(useKeyStore, 'keys.status', {})
  if (!result.ok) return null
  set({ status: result.value, error: null })
  return result.value
}

/** Returns true when main accepted the key (it checks it against the API first). */
export async function saveKey(key: string, persist?: boolean): Promise<boolean> {
  const trimmed = key.trim()
  // Mirrors the contract's minimum so the user gets a plain sentence instead of a schema error.
  if (trimmed.length < 8) {
    set({ error: appError('invalid_input', 'That is too short to be a Mistral API key. Paste the whole key.') })
    return false
  }
  set({ busy: 'checking', error: null, notice: null })
  const input = persist === undefined ? { key: trimmed } : { key: trimmed, persist }
  const result = await callInto(useKeyStore, 'keys.set', input, { onError: { busy: null } })
  if (!result.ok) return false
  // A new key may see other models (another workspace or plan). Loading them before saying
  // "saved" means the app is ready to chat, and no model request trails behind the user's first message.
  await loadModels()
  set({ status: result.value, busy: null })
  return true
}

export async function removeKey(): Promise<void> {
  set({ busy: 'removing', error: null, notice: null })
  const result = await callInto(useKeyStore, 'keys.delete', {}, { onError: { busy: null } })
  if (result.ok) set({ status: result.value, busy: null, notice: result.value.set ? null : 'Key removed.' })
}
