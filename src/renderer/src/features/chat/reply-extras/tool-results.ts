/** Sends tool results and tracks the reply the model streams next (under the tool-call reply). */
import type { Message } from '../../../../../shared/domain'
import type { AppError } from '../../../../../shared/errors'
import { callInto } from '../../../lib/call-into'
import { blankReply, useChatStore } from '../chat-state'
import { trackStream } from '../chat-stream'

export async function submitToolResults(message: Message, results: { callId: string; content: string }[]): Promise<AppError | null> {
  const pane = useChatStore.getState().pane
  const result = await callInto(useChatStore, 'chat.submitToolResults', { messageId: message.id, results }, { showError: () => false })
  if (!result.ok) return result.error
  const started = result.value
  trackStream(started, (s) => {
    const reply = blankReply(started, message.model, message.id)
    const messages = { ...s.messages, [reply.id]: reply }
    const at = s.order.indexOf(message.id)
    if (s.pane !== pane || at < 0) return { messages }
    return { messages, order: [...s.order.slice(0, at + 1), reply.id] }
  })
  return null
}
