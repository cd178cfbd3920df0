/**
 * The hits of the sidebar search, by conversation: its title with the number of matching
 * messages, then a button per matching message that opens the chat at that message. The
 * hit words are <mark>ed.
 */
import { memo } from 'react'
import type { HistorySearchGroup, MessageHit } from '../../../../shared/domain'
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

const SearchHit = memo(function SearchHit({ hit }: { hit: HistorySearchGroup }) {
  const isOpen = useChatStore((s) => s.openId === hit.id)
  const count = hit.matchCount === 1 ? '1 match' : `${hit.matchCount} matches`
  return (
    <li className="search-group">
      <button
        type="button"
        className={`search-hit${isOpen ? ' search-hit--open' : ''}`}
        onClick={() => openSearchHit(hit.id, hit.hits[0]?.messageId)}
        aria-current={isOpen ? 'true' : undefined}
      >
        <span className="search-hit__title">{hit.title}</span>
        {hit.matchCount > 0 ? <span className="search-hit__count muted">{count}</span> : null}
      </button>
      {hit.hits.length > 0 ? (
        <ul className="search-group__messages" aria-label={`Matches in "${hit.title}"`}>
          {hit.hits.map((m) => (
            <MessageMatch key={m.messageId} conversationId={hit.id} hit={m} />
          ))}
        </ul>
      ) : null}
    </li>
  )
})

function MessageMatch({ conversationId, hit }: { conversationId: string; hit: MessageHit }) {
  return (
    <li>
      <button type="button" className="search-hit search-hit--message" onClick={() => openSearchHit(conversationId, hit.messageId)}>
        <span className="visually-hidden">{hit.role === 'user' ? 'You: ' : 'Assistant: '}</span>
        <span className="search-hit__snippet">
          {snippetParts(hit.snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
        </span>
      </button>
    </li>
  )
}
