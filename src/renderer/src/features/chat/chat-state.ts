/**
 * The open conversation and every reply that is streaming, in any conversation.
 *
 * Messages live in a map by id and the pane renders `order`, so a delta replaces one
 * message object and nothing else: a component that selects `messages[id]` for another
 * id, or `order`, sees the same reference and does not re-render.
 *
 * This file holds the state and pure helpers; the actions live in chat-store.ts (pane and
 * sending), chat-stream.ts (stream events) and chat-turns.ts (regenerate, edit, versions...).
 */
import { create } from 'zustand'
import type { Conversation, Message, StartedReply } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'

export interface ActiveStream {
  requestId: string
  conversationId: string
  messageId: string
}

/** A send or an edit held back because the thread would overflow the model's context window. */
export type PendingTurn =
  | { kind: 'send'; content: string; model: string }
  | { kind: 'edit'; messageId: string; content: string }

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
  /** Waits for the user to allow trimming the oldest turns, or to change the message. */
  overflow: PendingTurn | null
  /**
   * A message to bring into view, focus and mark (a link to it was opened). A new object
   * each time, so the same message can be asked for again.
   */
  target: { messageId: string } | null
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
  overflow: null,
  target: null,
}))

/** The stream that blocks sending in the open conversation, if any. */
export function selectOpenStream(s: ChatState): string | null {
  for (const stream of Object.values(s.active)) {
    if (stream.conversationId === s.openId) return stream.requestId
  }
  return null
}

/** True while the open conversation cannot take another turn: a reply streams or a send is on its way. */
export function selectOpenBusy(s: ChatState): boolean {
  return s.sending || selectOpenStream(s) !== null
}

/** Messages that must survive a change of pane: replies still streaming. */
export function streamingOnly(s: ChatState): Record<string, Message> {
  const kept: Record<string, Message> = {}
  for (const { messageId } of Object.values(s.active)) {
    const message = s.messages[messageId]
    if (message) kept[messageId] = message
  }
  return kept
}

/** The state that shows `conversation`'s visible thread, keeping in-memory copies of streaming replies. */
export function threadOf(s: ChatState, conversation: Conversation): Pick<ChatState, 'messages' | 'order'> {
  const messages = streamingOnly(s)
  for (const m of conversation.messages) {
    // What is still in memory is a reply that streamed meanwhile: it is ahead of the copy on disk.
    if (!messages[m.id]) messages[m.id] = m
  }
  return { messages, order: conversation.messages.filter((m) => m.role !== 'system').map((m) => m.id) }
}

export function blankReply(started: StartedReply, model: string | null, parentId: string | null): Message {
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
    parentId,
    versionIds: [started.assistantMessageId],
  }
}

export function streamOf(started: StartedReply): ActiveStream {
  return { requestId: started.requestId, conversationId: started.conversationId, messageId: started.assistantMessageId }
}
