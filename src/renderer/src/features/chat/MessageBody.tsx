/**
 * The text of one message. Plain text for now; markdown replaces this component later,
 * which is why it takes only the text and knows nothing about the store.
 */
import { memo } from 'react'

export const MessageBody = memo(function MessageBody({ text }: { text: string }) {
  return <div className="message__body">{text}</div>
})
