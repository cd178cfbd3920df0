/**
 * The message log of one conversation, virtualized: only the rows in view, a few more on
 * either side, and the row holding focus are mounted.
 *
 * It is mounted afresh for each conversation once its ids are known (see MessageList), so
 * it can start at the end: the first frame already shows the newest message, with no
 * scroll from the top. While the view is at the end it stays there as replies grow or
 * arrive; once the user scrolls up it stays put and offers "Jump to latest". A link to a
 * message (the chat store's `target`) opens it at that message instead, focused.
 */
import {
  defaultRangeExtractor,
  measureElement,
  observeElementOffset,
  useVirtualizer,
  type Range,
  type Virtualizer,
} from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type UIEvent } from 'react'
import { useChatStore } from '../chat-store'
import { focusWhenReady } from '../../../components/focus'
import { MessageItem } from '../MessageItem'
import { logScrollFor, pageDistance } from './log-keys'
import type { RowHeights } from './row-heights'
import { withFocusedRow } from '../../../components/virtual-range'

/** Rows mounted beyond each edge of the viewport, so a short scroll shows no blank. */
const OVERSCAN = 3
/** Within this many px of the end the view counts as "at the latest" and follows it. */
const PIN_SLACK = 24
/** Space above the first and below the last row (px); rows carry their own gaps. */
const EDGE_PADDING = 8

interface Props {
  ids: string[]
  heights: RowHeights
  /** The box the log fills; its size is known before the log exists, so row 1 can be the last one. */
  frame: HTMLElement
}

const messageOf = (id: string | undefined) => (id ? useChatStore.getState().messages[id] : undefined)

export function VirtualLog({ ids, heights, frame }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  const focusedId = useRef<string | null>(null)
  const [start] = useState(() => openingView(ids, heights, frame, targetIndex(ids)))
  // Rows present at opening are history: only what arrives afterwards is announced.
  const [newestAtOpen] = useState(() => ids[ids.length - 1])
  const [atEnd, setAtEnd] = useState(start.atEnd)

  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids])
  const estimateSize = useCallback((index: number) => heights.get(ids[index] ?? '', messageOf(ids[index])), [ids, heights])
  const measureRow = useCallback(
    (row: HTMLDivElement, entry: ResizeObserverEntry | undefined, v: Virtualizer<HTMLDivElement, HTMLDivElement>) => {
      const height = measureElement(row, entry, v)
      const id = row.dataset.id
      if (id) heights.set(id, height)
      return height
    },
    [heights],
  )
  // A focused row stays mounted when it scrolls away, or focus would fall back to <body>.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const focused = focusedId.current === null ? -1 : ids.indexOf(focusedId.current)
      return withFocusedRow(defaultRangeExtractor(range), focused)
    },
    [ids],
  )

  // The library's hooks are not compiler-memoizable; this project does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: ids.length,
    getScrollElement: () => scroller.current,
    getItemKey,
    estimateSize,
    measureElement: measureRow,
    rangeExtractor,
    initialRect: start.rect,
    initialOffset: start.offset,
    paddingStart: EDGE_PADDING,
    paddingEnd: EDGE_PADDING,
    overscan: OVERSCAN,
    // The end is the stable edge: a growing last row keeps the view pinned to it, and rows
    // appended while at the end are followed; away from the end nothing moves the view.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: PIN_SLACK,
    // Sizes and positions are written to the DOM directly; the list re-renders only when the
    // set of mounted rows changes, not each time a streaming reply grows by a line.
    directDomUpdates: true,
    observeElementOffset: offsetWithoutScrollingState,
    onChange: (v) => heights.setViewportWidth(v.scrollRect?.width ?? 0),
  })

  // A reply the user just asked for (send, edit, regenerate) ends the thread: go down to it,
  // even from far up. Browsing versions swaps rows without a new stream, and stays put.
  const seen = useRef(ids)
  useLayoutEffect(() => {
    const before = seen.current
    seen.current = ids
    const last = ids[ids.length - 1]
    if (before === ids || last === undefined || before.includes(last)) return
    if (messageOf(last)?.status === 'streaming') virtualizer.scrollToEnd()
  }, [ids, virtualizer])

  // A link to a message: bring it to the top of the view and focus it. The opening offset
  // only estimated where it is; scrollToIndex settles on it as the rows around it are measured.
  const target = useChatStore((s) => s.target)
  const revealed = useRef<typeof target>(null)
  useLayoutEffect(() => {
    const index = target ? ids.indexOf(target.messageId) : -1
    if (!target || index < 0 || revealed.current === target) return
    revealed.current = target
    virtualizer.scrollToIndex(index, { align: 'start' })
    // preventScroll: the virtualizer places the row; the browser's own scrolling would fight it.
    const find = () => scroller.current?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(target.messageId)}"]`)
    focusWhenReady(find, { preventScroll: true })
  }, [target, ids, virtualizer])

  // Following a growing reply scrolls on every frame; only a change of "at the end" renders.
  const atEndNow = useRef(start.atEnd)
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget
    const next = el.scrollHeight - el.scrollTop - el.clientHeight <= PIN_SLACK
    if (next === atEndNow.current) return
    atEndNow.current = next
    setAtEnd(next)
  }

  // A taller composer or a notice below the log takes height from it. The browser keeps the
  // top where it was, which would hide the newest lines from a user who was reading them.
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    let height = el.clientHeight
    const observer = new ResizeObserver(() => {
      if (el.clientHeight === height) return
      height = el.clientHeight
      if (atEndNow.current) virtualizer.scrollToEnd()
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [virtualizer])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed in a control inside a message are that control's.
    if (e.target !== e.currentTarget) return
    const action = logScrollFor(e)
    if (!action) return
    e.preventDefault()
    if (action === 'start') virtualizer.scrollToOffset(0)
    else if (action === 'end') virtualizer.scrollToEnd()
    else virtualizer.scrollBy((action === 'pageUp' ? -1 : 1) * pageDistance(e.currentTarget.clientHeight))
  }

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('.message-list__row')
    focusedId.current = row?.dataset.id ?? null
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) focusedId.current = null
  }

  const jumpToLatest = () => {
    // The button goes away once at the end; keep focus on the log rather than lose it.
    scroller.current?.focus({ preventScroll: true })
    virtualizer.scrollToEnd()
  }

  const lastIndex = ids.length - 1
  return (
    <>
      <div
        ref={scroller}
        className="message-list__log"
        role="log"
        aria-live="polite"
        aria-label="Messages"
        // Focusable so keyboard users can scroll it (see onKeyDown).
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        <div ref={virtualizer.containerRef} className="message-list__rows">
          {virtualizer.getVirtualItems().map((item) => {
            const id = ids[item.index]
            if (id === undefined) return null
            // Rows mount and unmount as the user scrolls; inside a live region each mount would be
            // read out as news. Only the newest message, arrived since opening, stays live.
            const live = item.index === lastIndex && id !== newestAtOpen
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                className="message-list__row"
                data-index={item.index}
                data-id={id}
                aria-live={live ? undefined : 'off'}
              >
                <MessageItem id={id} />
              </div>
            )
          })}
        </div>
      </div>
      {atEnd ? null : (
        <button type="button" className="message-list__jump" onClick={jumpToLatest}>
          Jump to latest
        </button>
      )}
    </>
  )
}

/**
 * Scroll offsets as the library reads them, but never "is scrolling". The log has no use for
 * that state, and following a reply scrolls by a line at a time: each scroll would flip it on,
 * then off 150 ms later, re-rendering the list twice per line of text. What the library does
 * differently without it is harmless here: it measures a row as soon as it mounts, also during
 * a scroll, and keeps the view steady when a row above it changes size in either direction.
 */
function offsetWithoutScrollingState(
  v: Virtualizer<HTMLDivElement, HTMLDivElement>,
  report: (offset: number, isScrolling: boolean) => void,
) {
  return observeElementOffset(v, (offset) => report(offset, false))
}

/** The row a link asked for, if the conversation shows it. */
function targetIndex(ids: string[]): number {
  const target = useChatStore.getState().target
  return target ? ids.indexOf(target.messageId) : -1
}

/**
 * Where the log starts, from estimates: its viewport size, and an offset that shows the end,
 * or the top of row `at` when a link asked for it.
 */
function openingView(ids: string[], heights: RowHeights, frame: HTMLElement, at: number) {
  const rect = { width: frame.clientWidth, height: frame.clientHeight }
  heights.setViewportWidth(rect.width)
  let total = 2 * EDGE_PADDING
  let atStart = EDGE_PADDING
  ids.forEach((id, index) => {
    if (index === at) atStart = total - EDGE_PADDING
    total += heights.get(id, messageOf(id))
  })
  const end = Math.max(0, total - rect.height)
  const offset = at < 0 ? end : Math.min(end, atStart)
  return { rect, offset, atEnd: end - offset <= PIN_SLACK }
}
