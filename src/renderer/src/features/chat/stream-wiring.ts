/**
 * Routes `chat.stream` events into the chat store: text through the per-frame buffer,
 * endings straight away but only after the buffered text, so "Stopped" never precedes
 * the last words.
 */
import type { ChatStreamEvent } from '../../../../shared/domain'
import { subscribe } from '../../api'
import { applyStreamEvents } from './chat-stream'
import { refreshConversations } from '../conversations/conversations-store'
import { createDeltaBuffer, type DeltaBuffer } from './delta-buffer'

export function connectChatStream(buffer: DeltaBuffer = createDeltaBuffer(applyStreamEvents)): () => void {
  const unsubscribe = subscribe('chat.stream', (event: ChatStreamEvent) => {
    if (event.type === 'delta') {
      buffer.push(event)
      return
    }
    buffer.flush()
    applyStreamEvents([event])
    // The list shows recency and counts, which a finished reply changes.
    void refreshConversations()
  })
  return () => {
    unsubscribe()
    buffer.dispose()
  }
}
