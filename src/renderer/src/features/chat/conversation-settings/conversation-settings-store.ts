/**
 * The system prompt and sampling parameters of the open conversation, or of the new chat
 * before its first message (then they travel with chat.send as its `settings`).
 */
import { create } from 'zustand'
import type { ConversationSettings } from '../../../../../shared/domain'
import type { AppError } from '../../../../../shared/errors'
import { callInto } from '../../../lib/call-into'

export const EMPTY_SETTINGS: ConversationSettings = { systemPrompt: '', params: {} }

interface ConversationSettingsState {
  /** Whose settings these are: the open conversation, or null for the new chat's draft. */
  conversationId: string | null
  settings: ConversationSettings
  /** Bumped when the settings are replaced from outside the form (another chat, a preset), so the form starts over. */
  revision: number
  panelOpen: boolean
  saving: boolean
  error: AppError | null
}

export const useConversationSettingsStore = create<ConversationSettingsState>(() => ({
  conversationId: null,
  settings: EMPTY_SETTINGS,
  revision: 0,
  panelOpen: false,
  saving: false,
  error: null,
}))

const get = useConversationSettingsStore.getState
const set = useConversationSettingsStore.setState

export function isEmptySettings(settings: ConversationSettings): boolean {
  return settings.systemPrompt.trim() === '' && Object.keys(settings.params).length === 0
}

/** Shows another conversation's settings (or the new chat's), e.g. when the pane switches. */
export function showSettingsOf(conversationId: string | null, settings: ConversationSettings): void {
  set((s) => ({ conversationId, settings, revision: s.revision + 1, saving: false, error: null }))
}

/** The new chat was saved by its first send; its draft settings now belong to it. */
export function adoptConversation(conversationId: string): void {
  if (get().conversationId === null) set({ conversationId })
}

/** Returns true once saved: on the conversation in main, or in the draft of a chat not yet created. */
export async function saveConversationSettings(settings: ConversationSettings): Promise<boolean> {
  const { conversationId } = get()
  if (conversationId === null) {
    set({ settings, error: null })
    return true
  }
  set({ saving: true, error: null })
  const input = { id: conversationId, settings }
  const result = await callInto(useConversationSettingsStore, 'conversations.updateSettings', input, { onError: { saving: false } })
  // The user may have moved to another chat meanwhile; those settings must not change.
  if (result.ok && get().conversationId === conversationId) set({ settings: result.value, saving: false })
  return result.ok
}

export function setSettingsPanelOpen(open: boolean): void {
  set({ panelOpen: open, error: null })
}

export function dismissSettingsError(): void {
  set({ error: null })
}
