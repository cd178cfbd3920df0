/**
 * The chat pane's actions: switch conversations, send a message, stop a reply.
 * The state itself lives in chat-state.ts; turn actions on existing messages in chat-turns.ts.
 */
import type { ConversationSettings } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'
import { callInto } from '../../lib/call-into'
import { blankReply, streamingOnly, threadOf, useChatStore, type PendingTurn } from './chat-state'
import { trackStream } from './chat-stream'
import {
  EMPTY_SETTINGS,
  adoptConversation,
  isEmptySettings,
  showSettingsOf,
  useConversationSettingsStore,
} from './conversation-settings/conversation-settings-store'
import { refreshConversations } from '../conversations/conversations-store'
import { followConversationModel } from '../models/models-store'

// Re-exported so screens (and the message list) keep one import for the chat state.
export { selectOpenBusy, selectOpenStream, useChatStore, type ActiveStream, type ChatState } from './chat-state'
export { applyStreamEvents, failActiveStreams } from './chat-stream'

const get = useChatStore.getState
const set = useChatStore.setState

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
    overflow: null,
    target: null,
  }))
  return pane
}

/** An empty, unsaved chat; `settings` (e.g. from a preset) go with its first message. */
export function newChat(settings: ConversationSettings = EMPTY_SETTINGS): void {
  switchPane(null, false)
  showSettingsOf(null, settings)
}

/** Opens a conversation; with `at`, at that message instead of at the end. */
export async function openConversation(id: string, at?: string): Promise<void> {
  const pane = switchPane(id, true)
  if (at) revealMessage(at)
  showSettingsOf(id, EMPTY_SETTINGS)
  const here = () => get().pane === pane
  const result = await callInto(useChatStore, 'conversations.get', { id }, { onError: { loading: false }, showError: here })
  if (!result.ok || !here()) return
  const conversation = result.value
  set((s) => ({ ...threadOf(s, conversation), loading: false }))
  showSettingsOf(id, { systemPrompt: conversation.systemPrompt, params: conversation.params })
  followConversationModel(conversation.model)
}

export interface SendOptions {
  /** Drop the oldest turns so the thread fits the model's context window. */
  trimToFit?: boolean
}

/** Sends a message; resolves to the error when the send itself failed, else null. */
export async function sendMessage(content: string, model: string, opts: SendOptions = {}): Promise<AppError | null> {
  const { openId, pane } = get()
  set({ sending: true, error: null, failedSend: null, overflow: null })
  const trim = opts.trimToFit ? { trimToFit: true } : {}
  const draft = useConversationSettingsStore.getState().settings
  try {
    const started = await call(
      'chat.send',
      openId
        ? { conversationId: openId, content, model, ...trim }
        : { content, model, ...trim, ...(isEmptySettings(draft) ? {} : { settings: draft }) },
    )
    if (get().pane === pane) adoptConversation(started.conversationId)
    trackStream(started, (s) => {
      const here = s.pane === pane
      const parentId = here ? (s.order[s.order.length - 1] ?? null) : null
      const reply = blankReply(started, model, started.userMessageId ?? parentId)
      const messages = { ...s.messages, [reply.id]: reply }
      const added = [reply.id]
      if (started.userMessageId) {
        added.unshift(started.userMessageId)
        messages[started.userMessageId] = {
          ...reply,
          id: started.userMessageId,
          role: 'user',
          content,
          status: 'complete',
          parentId,
          versionIds: [started.userMessageId],
        }
      }
      // If the user moved on meanwhile, the reply streams in the background and shows when reopened.
      return here ? { messages, order: [...s.order, ...added], openId: started.conversationId, sending: false } : { messages }
    })
    void refreshConversations()
    return null
  } catch (err) {
    const error = toAppError(err)
    if (get().pane !== pane) return error
    // A trimmed send that is still too large is a message too long on its own: say so plainly.
    if (error.code === 'too_large' && !opts.trimToFit) set({ sending: false, overflow: { kind: 'send', content, model } })
    else set({ sending: false, error, failedSend: error.retryable ? { content, model } : null })
    return error
  }
}

export async function retrySend(): Promise<void> {
  const failed = get().failedSend
  if (failed) await sendMessage(failed.content, failed.model)
}

/** Scrolls the open conversation to a message and focuses it (see message-list/VirtualLog). */
export function revealMessage(messageId: string): void {
  set({ target: { messageId } })
}

export async function stopStream(requestId: string): Promise<void> {
  await callInto(useChatStore, 'chat.stop', { requestId })
}

export function dismissChatError(): void {
  set({ error: null, failedSend: null })
}

/** Holds a turn back until the user allows trimming the oldest turns. */
export function holdOverflowingTurn(turn: PendingTurn): void {
  set({ overflow: turn, error: null })
}

export function dismissOverflow(): void {
  set({ overflow: null })
}
