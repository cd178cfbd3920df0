/** What is sent to Mistral as the conversation so far, and how a new chat is first titled. */
import type { StoredMessage } from '../conversations/messages-repo'
import type { ChatTurn } from '../kernel/mistral/mistral-client'

/**
 * The system prompt (when set) and then the thread's messages, root first. Assistant
 * rows count with whatever text the user saw (a stopped or interrupted reply
 * included); empty or still-streaming ones are left out, because the API rejects an
 * assistant message without content.
 */
export function requestTurns(systemPrompt: string, path: readonly StoredMessage[]): ChatTurn[] {
  const turns: ChatTurn[] = systemPrompt.trim() ? [{ role: 'system', content: systemPrompt }] : []
  for (const m of path) {
    if (m.role === 'assistant' && (m.status === 'streaming' || m.content.length === 0)) continue
    turns.push({ role: m.role, content: m.content })
  }
  return turns
}

/** Mistral answers only when the conversation ends with the user (or an assistant prefix). */
export function endsWithUser(turns: readonly ChatTurn[]): boolean {
  return turns.at(-1)?.role === 'user'
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
