/** The sidebar's list of conversations. Which one is open lives in the chat store. */
import { create } from 'zustand'
import type { ConversationSummary } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'

interface ConversationsState {
  list: ConversationSummary[]
  loaded: boolean
  error: AppError | null
}

export const useConversationsStore = create<ConversationsState>(() => ({ list: [], loaded: false, error: null }))

const set = useConversationsStore.setState
const newestFirst = (a: ConversationSummary, b: ConversationSummary) => b.updatedAt - a.updatedAt

// Replies finish close together; a later refresh must not be overwritten by an earlier, slower one.
let latestRefresh = 0

export async function refreshConversations(): Promise<void> {
  const ticket = ++latestRefresh
  try {
    const list = await call('conversations.list', {})
    if (ticket === latestRefresh) set({ list: [...list].sort(newestFirst), loaded: true, error: null })
  } catch (err) {
    if (ticket === latestRefresh) set({ loaded: true, error: toAppError(err) })
  }
}

export async function renameConversation(id: string, title: string): Promise<boolean> {
  try {
    const updated = await call('conversations.rename', { id, title })
    set((s) => ({ list: s.list.map((c) => (c.id === id ? updated : c)), error: null }))
    return true
  } catch (err) {
    set({ error: toAppError(err) })
    return false
  }
}

export async function deleteConversation(id: string): Promise<boolean> {
  try {
    await call('conversations.delete', { id })
    set((s) => ({ list: s.list.filter((c) => c.id !== id), error: null }))
    return true
  } catch (err) {
    set({ error: toAppError(err) })
    return false
  }
}

/** Main changed a conversation on its own (e.g. gave it a title): show the new summary in place. */
export function applyConversationChange(summary: ConversationSummary): void {
  set((s) => {
    const known = s.list.some((c) => c.id === summary.id)
    const list = known ? s.list.map((c) => (c.id === summary.id ? summary : c)) : [...s.list, summary]
    return { list: list.sort(newestFirst) }
  })
}

export function dismissConversationsError(): void {
  set({ error: null })
}
