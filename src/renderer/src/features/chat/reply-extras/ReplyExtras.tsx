/**
 * Everything of an assistant reply besides its markdown text, around it: thinking
 * above; citations, unknown chunks, tool calls, the structured-output check and a
 * pending automatic retry below. Each piece selects only its reply's entries.
 */
import type { Message } from '../../../../../shared/domain'
import { Citations, UnsupportedNotes } from './PartsNotes'
import { RetryWait } from './RetryWait'
import { StructuredView } from './StructuredView'
import { ThinkingSection } from './ThinkingSection'
import { ToolCalls } from './ToolCalls'
import { useExtrasStore } from './extras-store'
import './reply-extras.css'

export function ReplyThinking({ message }: { message: Message }) {
  const stored = useExtrasStore((s) => s.details[message.id]?.parts)
  const live = useExtrasStore((s) => s.live[message.id]?.thinking)
  const text = live || stored?.find((p) => p.type === 'thinking')?.text
  if (!text) return null
  return <ThinkingSection text={text} answering={message.content !== ''} streaming={message.status === 'streaming'} />
}

export function ReplyExtras({ message }: { message: Message }) {
  const details = useExtrasStore((s) => s.details[message.id])
  const liveParts = useExtrasStore((s) => s.live[message.id]?.parts)
  const wait = useExtrasStore((s) => s.waits[message.id])
  const parts = [...(details?.parts ?? []), ...(liveParts ?? [])]
  return (
    <>
      {wait && message.status === 'streaming' ? <RetryWait wait={wait} /> : null}
      <Citations parts={parts} sources={details?.sources ?? []} />
      <UnsupportedNotes parts={parts} />
      {details?.toolCalls.length ? <ToolCalls message={message} calls={details.toolCalls} /> : null}
      {details?.structured ? <StructuredView text={message.content} check={details.structured} /> : null}
    </>
  )
}
