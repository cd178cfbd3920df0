/**
 * Fills a data directory through the core's own migrations and repositories (never raw
 * SQL), so seeding follows the schema as it changes under the benchmarks.
 */
import { randomUUID } from 'node:crypto'
import { ConversationsRepo } from '../../src/main/core/conversations/conversations-repo'
import { openAppDatabase } from '../../src/main/core/schema'
import { MessagesRepo } from '../../src/main/core/conversations/messages-repo'
import type { SeedMessage } from './content'

/** What the repository inserts, plus the parent a threaded schema wants. */
type NewRow = Parameters<MessagesRepo['insert']>[0] & { parentId: string | null }

export interface SeedConversation {
  title: string
  messages: SeedMessage[]
}

/**
 * Inserts conversations oldest first, one minute apart, so the last one given is the
 * newest in the list. Each batch of `batch` conversations is one transaction.
 */
export function seedDatabase(
  dataDir: string,
  conversations: Iterable<SeedConversation>,
  opts: { model: string; batch?: number; startAt?: number },
): { conversations: number; messages: number } {
  const db = openAppDatabase(dataDir)
  try {
    const repo = new ConversationsRepo(db)
    const messages = new MessagesRepo(db)
    let at = opts.startAt ?? Date.UTC(2025, 0, 1)
    let nConversations = 0
    let nMessages = 0
    let pending: SeedConversation[] = []
    const flush = db.transaction((batch: SeedConversation[]) => {
      for (const c of batch) {
        const id = randomUUID()
        at += 60_000
        repo.insert({ id, title: c.title, model: opts.model, createdAt: at })
        let parentId: string | null = null
        for (const [i, m] of c.messages.entries()) {
          // parentId rides along for a repository that threads messages; one that does not ignores it.
          const row: NewRow = {
            id: randomUUID(),
            conversationId: id,
            role: m.role,
            content: m.content,
            status: 'complete' as const,
            model: m.role === 'assistant' ? opts.model : null,
            createdAt: at + i,
            parentId,
          }
          parentId = messages.insert(row).id
        }
        repo.touch(id, opts.model, at + c.messages.length)
        nConversations++
        nMessages += c.messages.length
      }
    })
    for (const c of conversations) {
      pending.push(c)
      if (pending.length >= (opts.batch ?? 500)) {
        flush(pending)
        pending = []
      }
    }
    if (pending.length) flush(pending)
    return { conversations: nConversations, messages: nMessages }
  } finally {
    db.close()
  }
}
