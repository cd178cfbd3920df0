/**
 * The text of one message: markdown for assistant replies, plain text otherwise.
 * It takes only the text and knows nothing about the store. The markdown renderer
 * (marked, highlight.js, KaTeX, DOMPurify) is a separate chunk, fetched once the app is idle
 * or on first use, so start-up does not wait for it.
 */
import { lazy, memo, Suspense } from 'react'

const loadMarkdown = () => import('./markdown/MarkdownBody')
const MarkdownBody = lazy(loadMarkdown)

// Usually loaded before the first reply is shown, which then does not flash as plain text.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void loadMarkdown())

export const MessageBody = memo(function MessageBody({
  text,
  markdown = false,
}: {
  text: string
  /** Render as markdown (assistant replies); user text stays exactly as typed. */
  markdown?: boolean
}) {
  const plain = <div className="message__body">{text}</div>
  if (!markdown) return plain
  return (
    <Suspense fallback={plain}>
      <MarkdownBody text={text} />
    </Suspense>
  )
})
