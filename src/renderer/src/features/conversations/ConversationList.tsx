/**
 * The sidebar's list of conversations, virtualized: with thousands of them, only the rows in
 * view, a few more on either side, and the row holding focus are mounted. Rows are placed
 * absolutely inside a list as tall as all of them; each is measured once mounted, so a row
 * that grows (the delete question, the rename form) pushes the ones below it down.
 */
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useRef, type FocusEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useChatStore } from '../chat/chat-store'
import { dismissConversationsError, useConversationsStore } from './conversations-store'
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
  if (searching) return null
  return (
    <>
      <ErrorNotice error={error} onDismiss={dismissConversationsError} className="error-notice--inline" />
      {loaded && list.length === 0 ? (
        <p className="sidebar__empty muted">No conversations yet. Start one with New chat.</p>
      ) : (
        <VirtualConversations />
      )}
    </>
  )
}

function VirtualConversations() {
  const list = useConversationsStore((s) => s.list)
  const openId = useChatStore((s) => s.openId)
  const scroller = useRef<HTMLDivElement>(null)
  const focusedId = useRef<string | null>(null)

  const getItemKey = useCallback((index: number) => list[index]?.id ?? index, [list])
  const estimateSize = useCallback(() => ROW_ESTIMATE, [])
  // A focused row stays mounted when it scrolls away, or focus would fall back to <body>.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const focused = focusedId.current === null ? -1 : list.findIndex((c) => c.id === focusedId.current)
      return withFocusedRow(defaultRangeExtractor(range), focused)
    },
    [list],
  )

  // The library's hooks are not compiler-memoizable; this project does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLLIElement>({
    count: list.length,
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
  const openIndex = openId === null ? -1 : list.findIndex((c) => c.id === openId)
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
          const conversation = list[item.index]
          if (!conversation) return null
          return (
            <ConversationItem
              key={item.key}
              conversation={conversation}
              index={item.index}
              setSize={list.length}
              rowRef={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            />
          )
        })}
      </ul>
    </div>
  )
}
