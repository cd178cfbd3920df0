/** The conversations table. Every statement is prepared once, here and nowhere else. */
import type { ConversationSummary } from '../../../shared/domain'
import type { Db } from './database'

interface Row {
  id: string
  title: string
  model: string
  created_at: number
  updated_at: number
  message_count: number
}

const toSummary = (r: Row): ConversationSummary => ({
  id: r.id,
  title: r.title,
  model: r.model,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  messageCount: r.message_count,
})

const SELECT = `SELECT c.id, c.title, c.model, c.created_at, c.updated_at,
  (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count
  FROM conversations c`

export class ConversationsRepo {
  private readonly insertStmt
  private readonly touchStmt
  private readonly renameStmt
  private readonly getStmt
  private readonly listStmt
  private readonly deleteStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      'INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.touchStmt = db.prepare('UPDATE conversations SET model = ?, updated_at = ? WHERE id = ?')
    this.renameStmt = db.prepare('UPDATE conversations SET title = ? WHERE id = ?')
    this.getStmt = db.prepare<[string], Row>(`${SELECT} WHERE c.id = ?`)
    this.listStmt = db.prepare<[], Row>(`${SELECT} ORDER BY c.updated_at DESC, c.created_at DESC`)
    this.deleteStmt = db.prepare('DELETE FROM conversations WHERE id = ?')
  }

  insert(c: { id: string; title: string; model: string; createdAt: number }): void {
    this.insertStmt.run(c.id, c.title, c.model, c.createdAt, c.createdAt)
  }

  /** Records activity: the list is ordered by it, and the model shows the one last used. */
  touch(id: string, model: string, at: number): void {
    this.touchStmt.run(model, at, id)
  }

  /** A rename is not activity, so it leaves updated_at (and the list order) alone. */
  rename(id: string, title: string): boolean {
    return this.renameStmt.run(title, id).changes > 0
  }

  get(id: string): ConversationSummary | null {
    const row = this.getStmt.get(id)
    return row ? toSummary(row) : null
  }

  list(): ConversationSummary[] {
    return this.listStmt.all().map(toSummary)
  }

  /** Messages go with it (cascade); usage rows stay. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }
}
