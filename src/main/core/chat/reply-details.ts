/**
 * chat.details: per message of a conversation, what it holds beyond its text, with
 * each citation's sources resolved from the tool results the reply answered (Mistral's
 * convention: a tool returns `{"<id>": {url, title, snippet}}` and the reply cites ids).
 */
import type { CitationSource, MessageDetails, ToolCallRecord } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { ConversationsRepo } from '../conversations/conversations-repo'
import type { MessagesRepo } from '../conversations/messages-repo'
import type { ReplyDetailsRepo } from './reply-details-repo'

export function requireConversation(conversations: ConversationsRepo, id: string): string {
  if (!conversations.get(id)) throw new AppErrorException(appError('not_found', 'This conversation no longer exists.'))
  return id
}

export function detailsOf(repo: ReplyDetailsRepo, messages: MessagesRepo, conversationId: string): Record<string, MessageDetails> {
  const { parts, calls, checks } = repo.forConversation(conversationId)
  const parentOf = new Map(messages.listByConversation(conversationId).map((m) => [m.id, m.parentId]))
  const ids = new Set([...parts.keys(), ...calls.keys(), ...checks.keys()])
  const out: Record<string, MessageDetails> = {}
  for (const id of ids) {
    const own = parts.get(id) ?? []
    const cites = own.some((p) => p.type === 'reference')
    const parent = parentOf.get(id)
    out[id] = {
      parts: own,
      toolCalls: calls.get(id) ?? [],
      sources: cites && parent ? sourcesFrom(calls.get(parent) ?? []) : [],
      structured: checks.get(id) ?? null,
    }
  }
  return out
}

/** Sources in the results of the calls a reply answered; results that are not source maps add none. */
export function sourcesFrom(calls: readonly ToolCallRecord[]): CitationSource[] {
  return calls.flatMap((call) => {
    let parsed: unknown
    try {
      parsed = JSON.parse(call.result ?? '')
    } catch {
      return []
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return []
    return Object.entries(parsed as Record<string, unknown>).flatMap(([key, value]) => {
      if (typeof value !== 'object' || value === null) return []
      const v = value as Record<string, unknown>
      const str = (x: unknown) => (typeof x === 'string' ? x : null)
      const url = str(v.url)
      return [{ id: /^\d+$/.test(key) ? Number(key) : key, title: str(v.title) ?? url ?? key, url, snippet: str(v.snippet) }]
    })
  })
}
