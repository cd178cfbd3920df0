/**
 * What a reply holds beyond its text: thinking, citations, unknown chunks, tool calls,
 * structured-output checks (chat.details), plus what is streaming in right now
 * (chat.parts) and replies waiting to be retried. Kept apart from the message list's
 * store so streaming thinking re-renders only the reply it belongs to.
 */
import { create } from 'zustand'
import type { ChatPartEvent, ChatStreamEvent, MessageDetails, MessagePart } from '../../../../../shared/domain'
import { call, subscribe } from '../../../api'

export interface LiveExtras {
  thinking: string
  parts: MessagePart[]
}

export interface RetryWait {
  requestId: string
  /** Epoch ms when the next attempt starts. */
  at: number
  retry: number
  reason: string
}

interface ExtrasState {
  conversationId: string | null
  details: Record<string, MessageDetails>
  live: Record<string, LiveExtras>
  waits: Record<string, RetryWait>
}

export const useExtrasStore = create<ExtrasState>(() => ({ conversationId: null, details: {}, live: {}, waits: {} }))
const set = useExtrasStore.setState
const get = useExtrasStore.getState

/** Loads the stored extras of a conversation (null: a new chat, nothing stored). */
export async function loadExtras(conversationId: string | null): Promise<void> {
  if (conversationId !== get().conversationId) set({ conversationId, details: {} })
  if (!conversationId) return
  try {
    const details = await call('chat.details', { conversationId })
    if (get().conversationId === conversationId) set({ details })
  } catch {
    // Extras are secondary: the text is on screen already, and the next reload retries.
  }
}

function applyPart(event: ChatPartEvent): void {
  const { messageId } = event
  if (event.type === 'retrying') {
    const wait = { requestId: event.requestId, at: Date.now() + event.delayMs, retry: event.retry, reason: event.error.message }
    set((s) => ({ waits: { ...s.waits, [messageId]: wait } }))
    return
  }
  set((s) => {
    const live = s.live[messageId] ?? { thinking: '', parts: [] }
    const next = event.type === 'thinking' ? { ...live, thinking: live.thinking + event.text } : { ...live, parts: [...live.parts, event.part] }
    const { [messageId]: _waited, ...waits } = s.waits
    return { live: { ...s.live, [messageId]: next }, waits }
  })
}

function applyStream(event: ChatStreamEvent): void {
  const { messageId } = event
  if (get().waits[messageId]) {
    set((s) => {
      const { [messageId]: _done, ...waits } = s.waits
      return { waits }
    })
  }
  if (event.type === 'delta') return
  // The reply is saved: what streamed in is now in chat.details (of the open conversation).
  const reload = event.conversationId === get().conversationId ? loadExtras(event.conversationId) : Promise.resolve()
  void reload.then(() =>
    set((s) => {
      const { [messageId]: _saved, ...live } = s.live
      return { live }
    }),
  )
}

/** Subscribes once, at feature start. */
export function connectExtras(): () => void {
  const offParts = subscribe('chat.parts', applyPart)
  const offStream = subscribe('chat.stream', applyStream)
  return () => {
    offParts()
    offStream()
  }
}
