/**
 * The sidebar's list of conversations, virtualized: with thousands of them, only the rows in
 * view, a few more on either side, and the row holding focus are mounted. Rows are placed
 * absolutely inside a list as tall as all of them; each is measured once mounted, so a row
 * that grows (the delete question, the rename form) pushes the ones below it down.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type FocusEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useChatStore } from '../chat/chat-store'
import { dismissConversationsError, loadMoreConversations, showArchived, useConversationsStore } from './conversations-store'
import { groupRows } from './date-groups'
import { UndoToast } from './UndoToast'
import { selectSearchActive, useSearchStore } from '../search/search-store'
import { ConversationItem } from './ConversationItem'
import './conversations.css'
import { withFocusedRow } from '../../components/virtual-range'

/** A one-line row: the title button with its padding (px). Measured rows replace it. */
const ROW_ESTIMATE = 34
/** Rows mounted beyond each edge of the viewport, so Tab and a short scroll find them there. */
const OVERSCAN = 8

export function ConversationList() {
  // While the search box holds a query, its hits take this place (features/search).
  const searching = useSearchStore(selectSearchActive)
  const list = useConversationsStore((s) => s.list)
  const loaded = useConversationsStore((s) => s.loaded)
  const error = useConversationsStore((s) => s.error)
  const archived = useConversationsStore((s) => s.archived)
  if (searching) return null
  return (
    <>
      <ErrorNotice error={error} onDismiss={dismissConversationsError} className="error-notice--inline" />
      <label className="conversation-filter">
        <input type="checkbox" checked={archived} onChange={(e) => void showArchived(e.target.checked)} />
        Show archived
      </label>
      {loaded && list.length === 0 ? (
        <p className="sidebar__empty muted">
          {archived ? 'No archived conversations.' : 'No conversations yet. Start one with New chat.'}
        </p>
      ) : (
        <VirtualConversations />
      )}
      <UndoToast />
    </>
  )
}

function VirtualConversations() {
  const list = useConversationsStore((s) => s.list)
  const hasMore = useConversationsStore((s) => s.nextCursor !== null)
  // Section labels are computed at render: a list left open overnight regroups on the next change.
  const rows = useMemo(() => groupRows(list, Date.now()), [list])
  const openId = useChatStore((s) => s.openId)
  const scroller = useRef<HTMLDivElement>(null)
  const focusedId = useRef<string | null>(null)

  const getItemKey = useCallback(
    (index: number) => {
      const row = rows[index]
      return row === undefined ? index : row.kind === 'header' ? `header:${row.label}` : row.conversation.id
    },
    [rows],
  )
  const rowIndex = useCallback(
    (id: string | null) => (id === null ? -1 : rows.findIndex((r) => r.kind === 'item' && r.conversation.id === id)),
    [rows],
  )
  const estimateSize = useCallback(() => ROW_ESTIMATE, [])
  // A focused row stays mounted when it scrolls away, or focus would fall back to <body>.
  const rangeExtractor = useCallback(
    (range: Range) => {
      return withFocusedRow(defaultRangeExtractor(range), rowIndex(focusedId.current))
    },
    [rowIndex],
  )

  // The library's hooks are not compiler-memoizable; this project does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: rows.length,
    getScrollElement: () => scroller.current,
    getItemKey,
    estimateSize,
    rangeExtractor,
    overscan: OVERSCAN,
    // Before the list is laid out, assume a window-tall viewport, so the first render already
    // shows the top rows instead of none.
    initialRect: { width: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight },
  })

  // The open conversation's row comes into view when it is opened (from here, from search,
  // or at start once the list arrives), but a later refresh that moves it does not scroll.
  const openIndex = rowIndex(openId)
  const revealed = useRef<string | null>(null)
  useLayoutEffect(() => {
    if (openId === null) {
      revealed.current = null
      return
    }
    if (openIndex < 0 || revealed.current === openId) return
    revealed.current = openId
    virtualizer.scrollToIndex(openIndex, { align: 'auto' })
  }, [openId, openIndex, virtualizer])

  // The next page loads when the last mounted row is near the end of what is loaded.
  const lastMounted = virtualizer.getVirtualItems().at(-1)?.index ?? 0
  useEffect(() => {
    if (hasMore && lastMounted >= rows.length - OVERSCAN * 2) void loadMoreConversations()
  }, [hasMore, lastMounted, rows.length])

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.conversation')
    focusedId.current = row?.dataset.id ?? null
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focusedId.current = null
  }

  return (
    <div ref={scroller} className="conversation-list" onFocus={onFocus} onBlur={onBlur}>
      <ul className="conversation-list__rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]
          if (!row) return null
          if (row.kind === 'header') {
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="conversation-group"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <h2 className="conversation-group__label">{row.label}</h2>
              </li>
            )
          }
          return (
            <ConversationItem
              key={item.key}
              conversation={row.conversation}
              index={item.index}
              setSize={rows.length}
              rowRef={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            />
          )
        })}
      </ul>
    </div>
  )
}
