/** Full-text search over conversations, for the sidebar's search box. */
import { create } from 'zustand'
import type { ConversationSearchHit } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'

interface SearchState {
  /** What the box shows; hits belong to `searched`, which trails it while the user types. */
  query: string
  searched: string
  hits: ConversationSearchHit[]
  searching: boolean
  error: AppError | null
}

export const useSearchStore = create<SearchState>(() => ({
  query: '',
  searched: '',
  hits: [],
  searching: false,
  error: null,
}))

const set = useSearchStore.setState

// Typing fires searches close together; only the answer to the latest one may show.
let latest = 0

export function setSearchQuery(query: string): void {
  if (query.trim() === '') {
    latest++
    set({ query, searched: '', hits: [], searching: false, error: null })
  } else {
    set({ query })
  }
}

export async function runSearch(query: string): Promise<void> {
  const trimmed = query.trim()
  if (trimmed === '') return
  const ticket = ++latest
  const current = () => ticket === latest
  set({ searching: true })
  const result = await callInto(
    useSearchStore,
    'conversations.search',
    { query: trimmed.slice(0, 500) },
    { onError: { hits: [], searched: trimmed, searching: false }, showError: current },
  )
  if (result.ok && current()) set({ hits: result.value, searched: trimmed, searching: false, error: null })
}

export function clearSearch(): void {
  setSearchQuery('')
}

/** True while the box holds a query: its hits then replace the conversation list. */
export function selectSearchActive(s: SearchState): boolean {
  return s.query.trim() !== ''
}
