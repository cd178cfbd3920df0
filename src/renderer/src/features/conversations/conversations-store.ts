/** The sidebar's list of conversations. Which one is open lives in the chat store. */
import { create } from 'zustand'
import type { ConversationSummary } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'

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
  const latest = () => ticket === latestRefresh
  const result = await callInto(useConversationsStore, 'conversations.list', {}, { onError: { loaded: true }, showError: latest })
  if (result.ok && latest()) set({ list: [...result.value].sort(newestFirst), loaded: true, error: null })
}

export async function renameConversation(id: string, title: string): Promise<boolean> {
  const result = await callInto(useConversationsStore, 'conversations.rename', { id, title })
  if (result.ok) set((s) => ({ list: s.list.map((c) => (c.id === id ? result.value : c)), error: null }))
  return result.ok
}

export async function deleteConversation(id: string): Promise<boolean> {
  const result = await callInto(useConversationsStore, 'conversations.delete', { id })
  if (result.ok) set((s) => ({ list: s.list.filter((c) => c.id !== id), error: null }))
  return result.ok
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
