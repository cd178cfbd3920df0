/**
 * Stream events into the chat state. A reply may stream into a new message (send,
 * regenerate, edit) or into one that already has text (continue): a delta always appends.
 */
import type { ChatStreamEvent, StartedReply } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { streamOf, useChatStore, type ChatState } from './chat-state'

const get = useChatStore.getState
const set = useChatStore.setState

// Events can overtake the answer to chat.send; they wait here until the request is known.
const early = new Map<string, ChatStreamEvent[]>()
const EARLY_LIMIT = 32

function stash(event: ChatStreamEvent): void {
  const list = early.get(event.requestId) ?? []
  list.push(event)
  early.set(event.requestId, list)
  // Events of a request nobody will claim (e.g. from before a reload) must not pile up.
  if (early.size > EARLY_LIMIT) early.delete(early.keys().next().value as string)
}

/**
 * Registers a reply main has started, together with the local change that shows it,
 * then applies the events that arrived before main's answer did.
 */
export function trackStream(started: StartedReply, patch: (s: ChatState) => Partial<ChatState>): void {
  set((s) => {
    const next = patch(s)
    return { ...next, active: { ...(next.active ?? s.active), [started.requestId]: streamOf(started) } }
  })
  const events = early.get(started.requestId)
  early.delete(started.requestId)
  if (events) applyStreamEvents(events)
}

/** Applies a batch of stream events in one store update. */
export function applyStreamEvents(events: ChatStreamEvent[]): void {
  const known = events.filter((e) => {
    if (get().active[e.requestId]) return true
    stash(e)
    return false
  })
  if (known.length === 0) return
  set((s) => {
    const messages = { ...s.messages }
    const active = { ...s.active }
    for (const e of known) {
      const m = messages[e.messageId]
      if (e.type !== 'delta') delete active[e.requestId]
      if (!m) continue
      if (e.type === 'delta') messages[m.id] = { ...m, content: m.content + e.text }
      else if (e.type === 'done') messages[m.id] = { ...m, status: 'complete', finishReason: e.finishReason }
      else if (e.type === 'stopped') messages[m.id] = { ...m, status: 'stopped' }
      else messages[m.id] = { ...m, status: 'error', error: e.error }
      // A finished reply that is not on screen has nothing left to show.
      if (e.type !== 'delta' && (m.conversationId !== s.openId || !s.order.includes(m.id))) delete messages[m.id]
    }
    return { messages, active }
  })
}

/** The host is gone: no stream will finish, so say so on each instead of spinning forever. */
export function failActiveStreams(error: AppError): void {
  applyStreamEvents(Object.values(get().active).map((a) => ({ type: 'error', ...a, error })))
}
