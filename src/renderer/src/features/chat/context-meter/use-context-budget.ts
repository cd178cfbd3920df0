/** The context budget of the open chat, live for the meter and read once when a turn is sent. */
import { estimateMessagesTokens } from '../../../../../shared/tokens'
import type { ChatState } from '../chat-state'
import { useChatStore } from '../chat-state'
import { useConversationSettingsStore } from '../conversation-settings/conversation-settings-store'
import { selectSelectedModel, useModelsStore } from '../../models/models-store'
import { contextBudget, type ContextBudget } from './context-budget'

/** Tokens of the visible thread, or of the part above `before` (an edit replaces that message and what follows). */
export function threadTokens(s: ChatState, before?: string): number {
  const end = before === undefined ? s.order.length : s.order.indexOf(before)
  const thread = s.order.slice(0, end < 0 ? s.order.length : end).flatMap((id) => s.messages[id] ?? [])
  return estimateMessagesTokens(thread)
}

/** Null until the selected model's window is known. */
export function useContextBudget(draft: string): ContextBudget | null {
  // Numbers, not arrays, so a delta that does not change the estimate does not re-render.
  const tokens = useChatStore((s) => threadTokens(s))
  const systemPrompt = useConversationSettingsStore((s) => s.settings.systemPrompt)
  const maxTokens = useConversationSettingsStore((s) => s.settings.params.maxTokens)
  const limit = useModelsStore((s) => selectSelectedModel(s)?.maxContextLength ?? null)
  if (limit === null) return null
  return contextBudget({ systemPrompt, threadTokens: tokens, draft, maxContextLength: limit, maxTokens })
}

/** The budget right now, for the check before a send (`before`: the message an edit replaces). */
export function budgetNow(draft: string, before?: string): ContextBudget | null {
  const limit = selectSelectedModel(useModelsStore.getState())?.maxContextLength
  if (limit === undefined) return null
  const { settings } = useConversationSettingsStore.getState()
  return contextBudget({
    systemPrompt: settings.systemPrompt,
    threadTokens: threadTokens(useChatStore.getState(), before),
    draft,
    maxContextLength: limit,
    maxTokens: settings.params.maxTokens,
  })
}
