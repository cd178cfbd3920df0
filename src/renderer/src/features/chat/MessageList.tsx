/**
 * The conversation's messages. It subscribes to the id list only, so a streaming delta
 * re-renders that message's MessageItem and nothing here; the virtualized log itself is
 * message-list/VirtualLog.
 */
import { useState } from 'react'
import { useChatStore } from './chat-store'
import { RowHeights } from './message-list/row-heights'
import { VirtualLog } from './message-list/VirtualLog'
import './message-list/message-list.css'

export function MessageList() {
  const ids = useChatStore((s) => s.order)
  const pane = useChatStore((s) => s.pane)
  // Outlives conversation switches, so going back to a conversation lays it out from measured heights.
  const [heights] = useState(() => new RowHeights())
  const [frame, setFrame] = useState<HTMLDivElement | null>(null)

  return (
    <div ref={setFrame} className="message-list">
      {frame ? (
        // A fresh log for each conversation, and again when its messages arrive after loading:
        // it is created knowing every row, so it starts at the end instead of scrolling there.
        <VirtualLog key={`${pane}:${ids.length > 0}`} ids={ids} heights={heights} frame={frame} />
      ) : null}
    </div>
  )
}
