/**
 * The sidebar's search box (Ctrl/Cmd+K). Typing searches after a short pause; Esc clears;
 * Enter opens the first hit. While it holds a query, the hits replace the conversation list.
 */
import { useEffect, type KeyboardEvent } from 'react'
import { focusComposer, SEARCH_ID } from '../../components/focus'
import { clearSearch, runSearch, selectSearchActive, setSearchQuery, useSearchStore } from './search-store'
import { openSearchHit } from './open-hit'
import './search.css'

/** Long enough to skip the keystrokes of a word being typed, short enough to feel live. */
const DEBOUNCE_MS = 150
export const RESULTS_ID = 'search-results'

export function ConversationSearch() {
  const query = useSearchStore((s) => s.query)
  // The results list exists only while searching; an aria-controls to nothing is invalid.
  const active = useSearchStore(selectSearchActive)

  useEffect(() => {
    if (query.trim() === '') return
    const timer = setTimeout(() => void runSearch(query), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query])

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && query !== '') {
      // Handled here, so the window's Esc does not also stop a reply.
      e.preventDefault()
      clearSearch()
    } else if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault()
      const first = useSearchStore.getState().hits[0]
      if (first) {
        openSearchHit(first.id)
        focusComposer()
      }
    }
  }

  return (
    <div role="search" className="search">
      <label htmlFor={SEARCH_ID} className="visually-hidden">
        Search conversations
      </label>
      <input
        id={SEARCH_ID}
        type="text"
        className="search__input"
        value={query}
        onChange={(e) => setSearchQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Search chats (Ctrl+K)"
        aria-keyshortcuts="Control+K Meta+K"
        aria-controls={active ? RESULTS_ID : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={500}
      />
    </div>
  )
}
