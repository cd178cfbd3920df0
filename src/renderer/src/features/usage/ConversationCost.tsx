/** The open conversation's cost so far, for the chat header; it refreshes whenever one of its calls is billed. */
import { useEffect, useState } from 'react'
import type { ConversationSpend } from '../../../../shared/domain'
import { call, subscribe } from '../../api'
import { formatMoney } from './money'

export function ConversationCost({ conversationId }: { conversationId: string }) {
  const [spend, setSpend] = useState<ConversationSpend | null>(null)
  useEffect(() => {
    let live = true
    const load = () =>
      call('usage.conversation', { conversationId }).then(
        (s) => live && setSpend(s),
        // The header simply shows no cost when it cannot be read; the Usage screen shows the error.
        () => undefined,
      )
    void load()
    const offs = [
      subscribe('chat.stream', (e) => {
        if (e.type !== 'delta' && e.conversationId === conversationId) void load()
      }),
      // The title call is billed just before the new title arrives.
      subscribe('conversations.changed', (c) => {
        if (c.id === conversationId) void load()
      }),
    ]
    return () => {
      live = false
      offs.forEach((off) => off())
    }
  }, [conversationId])
  if (!spend || spend.calls === 0) return null
  const unpriced = spend.unpricedCalls ? `, ${spend.unpricedCalls} with no price` : ''
  return (
    <span className="conversation-cost muted" title={`${spend.calls} billed calls${unpriced}`}>
      Cost so far: {formatMoney(spend.costMicro, spend.currency)}
      {spend.unpricedCalls ? ' +' : ''}
    </span>
  )
}
