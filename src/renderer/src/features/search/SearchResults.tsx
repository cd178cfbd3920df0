/** The hits of the sidebar search, each with its matching text; the hit words are <mark>ed. */
import { memo } from 'react'
import type { ConversationSearchHit } from '../../../../shared/domain'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useChatStore } from '../chat/chat-store'
import { selectSearchActive, useSearchStore } from './search-store'
import { RESULTS_ID } from './ConversationSearch'
import { openSearchHit } from './open-hit'
import { snippetParts } from './snippet'

export function SearchResults() {
  const active = useSearchStore(selectSearchActive)
  if (!active) return null
  return <Results />
}

function Results() {
  const hits = useSearchStore((s) => s.hits)
  const searched = useSearchStore((s) => s.searched)
  const searching = useSearchStore((s) => s.searching)
  const error = useSearchStore((s) => s.error)

  return (
    <div className="search-results">
      <p role="status" className="search-results__status muted">
        {searching && !searched ? 'Searching…' : searched && hits.length === 0 && !error ? `No chats match “${searched}”.` : ''}
      </p>
      <ErrorNotice error={error} className="error-notice--inline" />
      <ul id={RESULTS_ID} className="search-results__list" aria-label="Search results">
        {hits.map((hit) => (
          <SearchHit key={hit.id} hit={hit} />
        ))}
      </ul>
    </div>
  )
}

const SearchHit = memo(function SearchHit({ hit }: { hit: ConversationSearchHit }) {
  const isOpen = useChatStore((s) => s.openId === hit.id)
  return (
    <li>
      <button
        type="button"
        className={`search-hit${isOpen ? ' search-hit--open' : ''}`}
        onClick={() => openSearchHit(hit.id)}
        aria-current={isOpen ? 'true' : undefined}
      >
        <span className="search-hit__title">{hit.title}</span>
        {hit.snippet ? (
          <span className="search-hit__snippet">
            {snippetParts(hit.snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
          </span>
        ) : null}
      </button>
    </li>
  )
})
