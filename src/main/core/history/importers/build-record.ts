/**
 * Another app's conversation, reduced to what we store: messages that point at their
 * parent (branches kept), ordered so that every parent comes before its children.
 */
import type { MessageRole } from '../../../../shared/domain'
import type { ConversationRecord } from '../history-tables'

export interface ForeignMessage {
  id: string
  /** Null, or an id that may be missing from the file (a dangling node): then it is a root. */
  parentId: string | null
  role: MessageRole
  content: string
  createdAt: number
  model: string | null
}

export interface ForeignConversation {
  id: string
  title: string
  model: string
  createdAt: number
  updatedAt: number
  /** The message the user last looked at; falls back to the newest message. */
  currentId: string | null
  messages: ForeignMessage[]
}

/** Parents first, siblings by time: the seq every message gets. Cycles in broken files are cut. */
function creationOrder(messages: readonly ForeignMessage[]): ForeignMessage[] {
  const byId = new Map(messages.map((m) => [m.id, m]))
  const children = new Map<string | null, ForeignMessage[]>()
  for (const m of messages) {
    const parent = m.parentId !== null && byId.has(m.parentId) && m.parentId !== m.id ? m.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), m])
  }
  const ordered: ForeignMessage[] = []
  const seen = new Set<string>()
  const visit = (parent: string | null) => {
    for (const m of [...(children.get(parent) ?? [])].sort((a, b) => a.createdAt - b.createdAt)) {
      if (seen.has(m.id)) continue
      seen.add(m.id)
      ordered.push({ ...m, parentId: parent })
      visit(m.id)
    }
  }
  visit(null)
  return ordered
}

export function buildRecord(c: ForeignConversation): ConversationRecord {
  const ordered = creationOrder(c.messages)
  const leaf = ordered.find((m) => m.id === c.currentId)?.id ?? ordered.at(-1)?.id ?? null
  return {
    conversation: {
      id: c.id,
      title: c.title,
      model: c.model,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      leaf_id: leaf,
      title_source: 'user',
    },
    messages: ordered.map((m, i) => ({
      id: m.id,
      conversation_id: c.id,
      seq: i + 1,
      parent_id: m.parentId,
      role: m.role,
      content: m.content,
      status: 'complete',
      model: m.model,
      created_at: m.createdAt,
      updated_at: m.createdAt,
    })),
  }
}
