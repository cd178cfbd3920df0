/**
 * The conversation's messages. It renders only ids; each MessageItem subscribes to
 * its own message. While the user is at the bottom, growing replies keep it there.
 */
import { useEffect, useRef } from 'react'
import { useChatStore } from '../../stores/chat-store'
import { MessageItem } from './MessageItem'

/** How close to the bottom (px) still counts as "following" the reply. */
const FOLLOW_SLACK = 48

export function MessageList() {
  const order = useChatStore((s) => s.order)
  const pane = useChatStore((s) => s.pane)
  const scroller = useRef<HTMLDivElement>(null)
  const content = useRef<HTMLDivElement>(null)
  const following = useRef(true)

  // A conversation opens at its latest message, wherever the previous one was scrolled to.
  useEffect(() => {
    following.current = true
  }, [pane])

  useEffect(() => {
    const outer = scroller.current
    const inner = content.current
    if (!outer || !inner) return
    const onScroll = () => {
      following.current = outer.scrollHeight - outer.scrollTop - outer.clientHeight <= FOLLOW_SLACK
    }
    // Text grows inside children that re-render on their own, so watch the size, not React state.
    const observer = new ResizeObserver(() => {
      if (following.current) outer.scrollTop = outer.scrollHeight
    })
    outer.addEventListener('scroll', onScroll, { passive: true })
    observer.observe(inner)
    return () => {
      outer.removeEventListener('scroll', onScroll)
      observer.disconnect()
    }
  }, [])

  return (
    // tabIndex lets keyboard users scroll the log.
    <div ref={scroller} className="messages" role="log" aria-live="polite" aria-label="Messages" tabIndex={0}>
      <div ref={content} className="messages__inner">
        {order.map((id) => (
          <MessageItem key={id} id={id} />
        ))}
      </div>
    </div>
  )
}
