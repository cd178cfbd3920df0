/**
 * Actions on a turn already in the thread: retry, regenerate, edit, continue, browse
 * versions, delete. A new version (regenerate, edit) replaces the old one in `order` and
 * ends the visible thread there, which is what main's thread then shows too; version
 * browsing and deleting reload the thread from main's answer instead of guessing.
 */
import type { Conversation, Message } from '../../../../shared/domain'
import type { AppError, Result } from '../../../../shared/errors'
import { call, toAppError } from '../../api'
import { callInto } from '../../lib/call-into'
import { blankReply, threadOf, useChatStore, type ChatState } from './chat-state'
import { sendMessage, type SendOptions } from './chat-store'
import { trackStream } from './chat-stream'
import { showToast } from '../../components/toast-store'

const get = useChatStore.getState
const set = useChatStore.setState

/** Keeps only what the pane shows or what still streams, so replaced versions do not linger in memory. */
function visibleOnly(s: ChatState, messages: Record<string, Message>, order: string[]): Record<string, Message> {
  const keep = new Set([...order, ...Object.values(s.active).map((a) => a.messageId)])
  return Object.fromEntries(Object.entries(messages).filter(([id]) => keep.has(id)))
}

/** A failure shows on the pane only if the user is still on the pane it came from. */
const shownIn = (pane: number) => ({ showError: () => get().pane === pane })

/** Streams a fresh reply in place of a failed, stopped or interrupted one. */
export async function retryMessage(messageId: string): Promise<void> {
  try {
    const started = await call('chat.retry', { messageId })
    trackStream(started, (s) => {
      const old = s.messages[messageId]
      const messages = { ...s.messages }
      delete messages[messageId]
      const reply = blankReply(started, old?.model ?? null, old?.parentId ?? null)
      messages[reply.id] = { ...reply, versionIds: (old?.versionIds ?? [messageId]).map((id) => (id === messageId ? reply.id : id)) }
      return { messages, order: s.order.map((id) => (id === messageId ? reply.id : id)) }
    })
  } catch (err) {
    // Keep the failure on the message, so the conversation still shows one error in one place.
    const error = toAppError(err)
    set((s) => {
      const m = s.messages[messageId]
      return m ? { messages: { ...s.messages, [messageId]: { ...m, status: 'error', error } } } : {}
    })
  }
}

/** A new version of a finished reply, streamed in its place; the earlier ones stay browsable. */
export async function regenerateReply(messageId: string, model?: string): Promise<AppError | null> {
  const pane = get().pane
  const result = await callInto(useChatStore, 'chat.regenerate', model ? { messageId, model } : { messageId }, shownIn(pane))
  if (!result.ok) return result.error
  const started = result.value
  trackStream(started, (s) => {
    const old = s.messages[messageId]
    const at = s.order.indexOf(messageId)
    const reply = blankReply(started, model ?? old?.model ?? null, old?.parentId ?? null)
    reply.versionIds = [...(old?.versionIds ?? [messageId]), reply.id]
    const messages = { ...s.messages, [reply.id]: reply }
    if (s.pane !== pane || at < 0) return { messages }
    const order = [...s.order.slice(0, at), reply.id]
    return { messages: visibleOnly(s, messages, order), order }
  })
  return null
}

/** A new version of a sent message and a reply to it; the thread below the old version is kept with it. */
export async function editMessage(messageId: string, content: string, opts: SendOptions = {}): Promise<AppError | null> {
  const pane = get().pane
  set({ error: null, overflow: null })
  const here = () => get().pane === pane
  // Too large for the context window: held back with the context warning, not shown as an error.
  const heldBack = (error: AppError) => error.code === 'too_large' && !opts.trimToFit
  const result = await callInto(
    useChatStore,
    'chat.edit',
    { messageId, content, ...(opts.trimToFit ? { trimToFit: true } : {}) },
    { showError: (error) => here() && !heldBack(error) },
  )
  if (!result.ok) {
    if (heldBack(result.error) && here()) set({ overflow: { kind: 'edit', messageId, content } })
    return result.error
  }
  const started = result.value
  trackStream(started, (s) => {
    const old = s.messages[messageId]
    const at = s.order.indexOf(messageId)
    const userId = started.userMessageId ?? messageId
    const reply = blankReply(started, old?.model ?? null, userId)
    const messages = { ...s.messages, [reply.id]: reply }
    if (s.pane !== pane || at < 0 || !old) return { messages }
    messages[userId] = {
      ...old,
      id: userId,
      content,
      status: 'complete',
      error: null,
      createdAt: Date.now(),
      versionIds: old.versionIds.includes(userId) ? old.versionIds : [...old.versionIds, userId],
    }
    const order = [...s.order.slice(0, at), userId, reply.id]
    return { messages: visibleOnly(s, messages, order), order }
  })
  return null
}

/** Continues a reply cut at max_tokens; the text streams onto the end of the same message. */
export async function continueReply(messageId: string): Promise<AppError | null> {
  const result = await callInto(useChatStore, 'chat.continue', { messageId }, shownIn(get().pane))
  if (!result.ok) return result.error
  const started = result.value
  trackStream(started, (s) => {
    const old = s.messages[messageId]
    if (!old) return {}
    const messages = { ...s.messages }
    const next: Message = { ...old, id: started.assistantMessageId, status: 'streaming', finishReason: null, error: null }
    messages[next.id] = next
    if (next.id === messageId) return { messages }
    // Main answered with a new row for the continuation; it carries the text so far, and takes the old one's place.
    delete messages[messageId]
    next.versionIds = old.versionIds.map((id) => (id === messageId ? next.id : id))
    return { messages, order: s.order.map((id) => (id === messageId ? next.id : id)) }
  })
  return null
}

/** Shows the thread main answered with, if the user is still on the pane that asked. */
async function reloadThread(pane: number, answer: Promise<Result<Conversation>>): Promise<AppError | null> {
  const result = await answer
  if (!result.ok) return result.error
  const conversation = result.value
  if (get().pane === pane) set((s) => ({ ...threadOf(s, conversation), error: null }))
  return null
}

/** Shows another version of a message; main answers with the thread that follows it. */
export function selectVersion(id: string): Promise<AppError | null> {
  const pane = get().pane
  return reloadThread(pane, callInto(useChatStore, 'messages.selectVersion', { id }, shownIn(pane)))
}

/** Deletes one message; main answers with the thread as it stands without it. */
export function deleteMessage(id: string): Promise<AppError | null> {
  const pane = get().pane
  return reloadThread(pane, callInto(useChatStore, 'messages.delete', { id }, shownIn(pane)))
}

/**
 * Hides the message at once and deletes it in main only when the "Undo" toast expires,
 * so Undo is just showing it again. Until then main still has it: nothing is lost.
 */
export function deleteMessageWithUndo(id: string): void {
  const pane = get().pane
  const at = get().order.indexOf(id)
  if (at < 0) return
  const after = get().order[at + 1]
  set((s) => ({ order: s.order.filter((m) => m !== id) }))
  showToast({
    message: 'Message deleted',
    actionLabel: 'Undo',
    onAction: () => {
      if (get().pane !== pane) return
      set((s) => {
        // Back before the message that followed it, or at the end if that one went too.
        const next = after === undefined ? -1 : s.order.indexOf(after)
        const order = [...s.order]
        order.splice(next < 0 ? order.length : next, 0, id)
        return { order }
      })
    },
    commit: () => void deleteMessage(id),
  })
}

/** Sends the turn that was held back for the context window, letting main drop the oldest turns. */
export async function sendHeldTurn(): Promise<AppError | null> {
  const turn = get().overflow
  if (!turn) return null
  if (turn.kind === 'send') return sendMessage(turn.content, turn.model, { trimToFit: true })
  return editMessage(turn.messageId, turn.content, { trimToFit: true })
}
