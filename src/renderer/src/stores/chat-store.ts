/**
 * The open conversation and every reply that is streaming, in any conversation.
 *
 * Messages live in a map by id and the pane renders `order`, so a delta replaces one
 * message object and nothing else: a component that selects `messages[id]` for another
 * id, or `order`, sees the same reference and does not re-render.
 */
import { create } from 'zustand'
import type { ChatStreamEvent, Message, StartedReply } from '../../../shared/domain'
import type { AppError } from '../../../shared/errors'
import { call, toAppError } from '../api'
import { refreshConversations } from './conversations-store'

export interface ActiveStream {
  requestId: string
  conversationId: string
  messageId: string
}

export interface ChatState {
  /** The open conversation; null is a new, not yet saved chat. */
  openId: string | null
  /** Bumped whenever the pane switches, so a late answer for the previous pane is dropped. */
  pane: number
  order: string[]
  /** The open conversation's messages plus any message still streaming elsewhere. */
  messages: Record<string, Message>
  /** Streams in flight, by requestId. */
  active: Record<string, ActiveStream>
  loading: boolean
  sending: boolean
  /** A failure of the pane itself (loading, sending); a failed reply keeps its error on the message. */
  error: AppError | null
  /** What to send again when a send failed before main created any message. */
  failedSend: { content: string; model: string } | null
}

export const useChatStore = create<ChatState>(() => ({
  openId: null,
  pane: 0,
  order: [],
  messages: {},
  active: {},
  loading: false,
  sending: false,
  error: null,
  failedSend: null,
}))

const get = useChatStore.getState
const set = useChatStore.setState

/** The stream that blocks sending in the open conversation, if any. */
export function selectOpenStream(s: ChatState): string | null {
  for (const stream of Object.values(s.active)) {
    if (stream.conversationId === s.openId) return stream.requestId
  }
  return null
}

function streamingOnly(s: ChatState): Record<string, Message> {
  const kept: Record<string, Message> = {}
  for (const { messageId } of Object.values(s.active)) {
    const message = s.messages[messageId]
    if (message) kept[messageId] = message
  }
  return kept
}

function switchPane(openId: string | null, loading: boolean): number {
  const pane = get().pane + 1
  set((s) => ({
    openId,
    pane,
    order: [],
    messages: streamingOnly(s),
    loading,
    sending: false,
    error: null,
    failedSend: null,
  }))
  return pane
}

export function newChat(): void {
  switchPane(null, false)
}

export async function openConversation(id: string): Promise<void> {
  const pane = switchPane(id, true)
  try {
    const conversation = await call('conversations.get', { id })
    if (get().pane !== pane) return
    set((s) => {
      const messages = { ...s.messages }
      for (const m of conversation.messages) {
        // What is still in memory is a reply that streamed meanwhile: it is ahead of the copy on disk.
        if (!messages[m.id]) messages[m.id] = m
      }
      const order = conversation.messages.filter((m) => m.role !== 'system').map((m) => m.id)
      return { messages, order, loading: false }
    })
  } catch (err) {
    if (get().pane === pane) set({ loading: false, error: toAppError(err) })
  }
}

function blankReply(started: StartedReply, model: string | null): Message {
  return {
    id: started.assistantMessageId,
    conversationId: started.conversationId,
    role: 'assistant',
    content: '',
    status: 'streaming',
    model,
    finishReason: null,
    error: null,
    createdAt: Date.now(),
  }
}

/** Sends a message; resolves to the error when the send itself failed, else null. */
export async function sendMessage(content: string, model: string): Promise<AppError | null> {
  const { openId, pane } = get()
  set({ sending: true, error: null, failedSend: null })
  try {
    const started = await call('chat.send', openId ? { conversationId: openId, content, model } : { content, model })
    set((s) => {
      const here = s.pane === pane
      const messages = { ...s.messages, [started.assistantMessageId]: blankReply(started, model) }
      const added = [started.assistantMessageId]
      if (started.userMessageId) {
        added.unshift(started.userMessageId)
        messages[started.userMessageId] = {
          ...blankReply(started, model),
          id: started.userMessageId,
          role: 'user',
          content,
          status: 'complete',
        }
      }
      return {
        messages,
        active: { ...s.active, [started.requestId]: streamOf(started) },
        // If the user moved on meanwhile, the reply streams in the background and shows when reopened.
        ...(here ? { order: [...s.order, ...added], openId: started.conversationId, sending: false } : {}),
      }
    })
    replayEarly(started.requestId)
    void refreshConversations()
    return null
  } catch (err) {
    const error = toAppError(err)
    if (get().pane === pane) set({ sending: false, error, failedSend: error.retryable ? { content, model } : null })
    return error
  }
}

export async function retrySend(): Promise<void> {
  const failed = get().failedSend
  if (failed) await sendMessage(failed.content, failed.model)
}

/** Streams a fresh reply in place of a failed, stopped or interrupted one. */
export async function retryMessage(messageId: string): Promise<void> {
  try {
    const started = await call('chat.retry', { messageId })
    set((s) => {
      const old = s.messages[messageId]
      const messages = { ...s.messages }
      delete messages[messageId]
      messages[started.assistantMessageId] = blankReply(started, old?.model ?? null)
      return {
        messages,
        order: s.order.map((id) => (id === messageId ? started.assistantMessageId : id)),
        active: { ...s.active, [started.requestId]: streamOf(started) },
      }
    })
    replayEarly(started.requestId)
  } catch (err) {
    // Keep the failure on the message, so the conversation still shows one error in one place.
    const error = toAppError(err)
    set((s) => {
      const m = s.messages[messageId]
      return m ? { messages: { ...s.messages, [messageId]: { ...m, status: 'error', error } } } : {}
    })
  }
}

export async function stopStream(requestId: string): Promise<void> {
  try {
    await call('chat.stop', { requestId })
  } catch (err) {
    set({ error: toAppError(err) })
  }
}

export function dismissChatError(): void {
  set({ error: null, failedSend: null })
}

function streamOf(started: StartedReply): ActiveStream {
  return { requestId: started.requestId, conversationId: started.conversationId, messageId: started.assistantMessageId }
}

// Events can overtake the answer to chat.send; they wait here until the request is known.
const early = new Map<string, ChatStreamEvent[]>()
const EARLY_LIMIT = 32

function replayEarly(requestId: string): void {
  const events = early.get(requestId)
  early.delete(requestId)
  if (events) applyStreamEvents(events)
}

function stash(event: ChatStreamEvent): void {
  const list = early.get(event.requestId) ?? []
  list.push(event)
  early.set(event.requestId, list)
  // Events of a request nobody will claim (e.g. from before a reload) must not pile up.
  if (early.size > EARLY_LIMIT) early.delete(early.keys().next().value as string)
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
      // A finished reply in a conversation that is not open has nothing left to show.
      if (e.type !== 'delta' && m.conversationId !== s.openId) delete messages[m.id]
    }
    return { messages, active }
  })
}

/** The host is gone: no stream will finish, so say so on each instead of spinning forever. */
export function failActiveStreams(error: AppError): void {
  const s = get()
  applyStreamEvents(
    Object.values(s.active).map((a) => ({ type: 'error', ...a, error })),
  )
}
