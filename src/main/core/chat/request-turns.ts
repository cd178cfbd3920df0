/** What is sent to Mistral as the conversation so far, and how a new chat is first titled. */
import type { ToolCallRecord } from '../../../shared/domain'
import type { StoredMessage } from '../conversations/messages-repo'
import type { ChatTurn } from '../kernel/mistral/mistral-client'

/** The tool calls stored for a message (none for most). */
export type ToolCallsOf = (messageId: string) => readonly ToolCallRecord[]

/**
 * The system prompt (when set) and then the thread's messages, root first. Assistant
 * rows count with whatever text the user saw (a stopped or interrupted reply
 * included); empty or still-streaming ones are left out, because the API rejects an
 * assistant message without content.
 *
 * A reply that called tools goes as the assistant's calls (ids verbatim) followed by
 * one `tool` message per call, but only once every call is answered: Mistral rejects
 * unanswered calls, so a round the user left unanswered is skipped. Thinking is kept
 * beside the text and never sent back: Mistral's reasoning guide sends only the answer.
 */
export function requestTurns(systemPrompt: string, path: readonly StoredMessage[], toolCallsOf: ToolCallsOf = () => []): ChatTurn[] {
  const turns: ChatTurn[] = systemPrompt.trim() ? [{ role: 'system', content: systemPrompt }] : []
  for (const m of path) {
    if (m.role === 'assistant' && m.status === 'streaming') continue
    const calls = m.role === 'assistant' ? toolCallsOf(m.id) : []
    if (calls.length > 0) {
      if (calls.some((c) => c.result === null)) continue
      turns.push({ role: 'assistant', content: '', toolCalls: calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })) })
      for (const c of calls) turns.push({ role: 'tool', content: c.result ?? '', toolCallId: c.id, name: c.name })
      continue
    }
    if (m.role === 'assistant' && m.content.length === 0) continue
    turns.push({ role: m.role, content: m.content })
  }
  return turns
}

/** Mistral answers only when the conversation ends with the user or tool results (or an assistant prefix). */
export function endsWithUser(turns: readonly ChatTurn[]): boolean {
  const last = turns.at(-1)?.role
  return last === 'user' || last === 'tool'
}

export const TITLE_CHARS = 60

/** The first ~60 characters of the first message, cut at a word where that loses little. */
export function titleFrom(content: string): string {
  const flat = content.replace(/\s+/g, ' ').trim()
  if (!flat) return 'New chat'
  if (flat.length <= TITLE_CHARS) return flat
  const cut = flat.slice(0, TITLE_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${(space > TITLE_CHARS * 0.66 ? cut.slice(0, space) : cut).trim()}…`
}
