/** What is sent to Mistral as the conversation so far, and how a new chat is titled. */
import type { ChatTurn } from '../mistral/mistral-client'
import type { StoredMessage } from '../db/messages-repo'

/**
 * The turns before `beforeSeq`. Assistant rows count with whatever text the user
 * saw (a stopped or interrupted reply included); empty ones are left out, because
 * an assistant message without content is rejected by the API.
 */
export function historyBefore(messages: readonly StoredMessage[], beforeSeq: number): ChatTurn[] {
  return messages
    .filter((m) => m.seq < beforeSeq)
    .filter((m) => m.role !== 'assistant' || (m.status !== 'streaming' && m.content.length > 0))
    .map((m) => ({ role: m.role, content: m.content }))
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
