/**
 * The open conversation's tools and response format. For a chat not yet created they
 * are a draft sent with its first message (chat.send `options`); otherwise saved with
 * chat.setOptions, which checks them again in main.
 */
import { create } from 'zustand'
import { DEFAULT_CHAT_OPTIONS, type ChatOptions } from '../../../../../shared/domain'
import type { AppError } from '../../../../../shared/errors'
import { optionsInput } from '../../../../../shared/contract/chat'
import { call, toAppError } from '../../../api'

interface OptionsState {
  conversationId: string | null
  options: ChatOptions
  /** Bumped when the options are replaced from outside, so the form starts over. */
  revision: number
  saved: boolean
  error: AppError | null
}

export const useChatOptionsStore = create<OptionsState>(() => ({
  conversationId: null,
  options: DEFAULT_CHAT_OPTIONS,
  revision: 0,
  saved: false,
  error: null,
}))
const set = useChatOptionsStore.setState
const get = useChatOptionsStore.getState

export async function loadOptions(conversationId: string | null): Promise<void> {
  // Already showing it (a new chat adopted by its first send keeps the draft it was sent with).
  if (conversationId !== null && conversationId === get().conversationId) return
  set((s) => ({ conversationId, options: DEFAULT_CHAT_OPTIONS, revision: s.revision + 1, saved: false, error: null }))
  if (!conversationId) return
  try {
    const options = await call('chat.getOptions', { conversationId })
    if (get().conversationId === conversationId) set((s) => ({ options, revision: s.revision + 1 }))
  } catch (err) {
    set({ error: toAppError(err) })
  }
}

export async function saveOptions(options: ChatOptions): Promise<boolean> {
  const { conversationId } = get()
  set({ error: null, saved: false })
  if (!conversationId) {
    set({ options, saved: true })
    return true
  }
  try {
    set({ options: await call('chat.setOptions', { conversationId, options: optionsInput(options) }), saved: true })
    return true
  } catch (err) {
    set({ error: toAppError(err) })
    return false
  }
}

/** What a new chat's first message carries (nothing when left at the defaults). */
export function draftOptions(): { options: ReturnType<typeof optionsInput> } | Record<string, never> {
  const { conversationId, options } = get()
  return conversationId === null && options !== DEFAULT_CHAT_OPTIONS ? { options: optionsInput(options) } : {}
}

/** The first send created the conversation: its draft options are now its saved ones. */
export function adoptDraftOptions(conversationId: string): void {
  if (get().conversationId === null) set({ conversationId })
}
