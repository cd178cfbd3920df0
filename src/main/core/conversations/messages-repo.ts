/** The messages table. Every statement is prepared once, here and nowhere else. */
import type { Message, MessageRole, MessageStatus } from '../../../shared/domain'
import type { AppError } from '../../../shared/errors'
import type { Db } from '../kernel/db/database'

interface Row {
  id: string
  conversation_id: string
  seq: number
  role: MessageRole
  content: string
  status: MessageStatus
  model: string | null
  finish_reason: string | null
  error_json: string | null
  created_at: number
  parent_id: string | null
}

/**
 * A message as stored: versionIds are derived from its siblings (thread.ts), and seq
 * is its creation order within the conversation, which orders versions and leaves.
 */
export interface StoredMessage extends Omit<Message, 'versionIds'> {
  seq: number
}

function parseError(json: string | null): AppError | null {
  if (!json) return null
  try {
    return JSON.parse(json) as AppError
  } catch {
    return null
  }
}

const toMessage = (r: Row): StoredMessage => ({
  id: r.id,
  conversationId: r.conversation_id,
  seq: r.seq,
  role: r.role,
  content: r.content,
  status: r.status,
  model: r.model,
  finishReason: r.finish_reason,
  error: parseError(r.error_json),
  createdAt: r.created_at,
  parentId: r.parent_id,
})

const COLUMNS =
  'id, conversation_id, seq, role, content, status, model, finish_reason, error_json, created_at, parent_id'

export interface NewMessage {
  id: string
  conversationId: string
  parentId: string | null
  role: MessageRole
  content: string
  status: MessageStatus
  model: string | null
  createdAt: number
}

export interface FinalState {
  content: string
  status: Exclude<MessageStatus, 'streaming'>
  finishReason: string | null
  error: AppError | null
}

export class MessagesRepo {
  private readonly insertStmt
  private readonly getStmt
  private readonly listStmt
  private readonly contentStmt
  private readonly finishStmt
  private readonly restartStmt
  private readonly resumeStmt
  private readonly interruptStmt
  private readonly reparentStmt
  private readonly deleteStmt

  constructor(db: Db) {
    // seq is computed in the INSERT so two inserts can never pick the same number.
    this.insertStmt = db.prepare(
      `INSERT INTO messages (id, conversation_id, parent_id, seq, role, content, status, model, created_at, updated_at)
       VALUES (@id, @conversationId, @parentId,
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = @conversationId),
         @role, @content, @status, @model, @createdAt, @createdAt)
       RETURNING ${COLUMNS}`,
    )
    this.getStmt = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM messages WHERE id = ?`)
    this.listStmt = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq`,
    )
    this.contentStmt = db.prepare(
      `UPDATE messages SET content = ?, updated_at = ? WHERE id = ? AND status = 'streaming'`,
    )
    this.finishStmt = db.prepare(
      `UPDATE messages SET content = ?, status = ?, finish_reason = ?, error_json = ?, updated_at = ?
       WHERE id = ?`,
    )
    this.restartStmt = db.prepare(
      `UPDATE messages SET content = '', status = 'streaming', model = ?, finish_reason = NULL,
         error_json = NULL, updated_at = ? WHERE id = ? AND status != 'streaming'`,
    )
    // Continuing keeps the text: the new tokens are appended to it.
    this.resumeStmt = db.prepare(
      `UPDATE messages SET status = 'streaming', model = ?, finish_reason = NULL, error_json = NULL,
         updated_at = ? WHERE id = ? AND status != 'streaming'`,
    )
    this.interruptStmt = db.prepare(
      `UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'`,
    )
    this.reparentStmt = db.prepare('UPDATE messages SET parent_id = ? WHERE parent_id = ?')
    this.deleteStmt = db.prepare('DELETE FROM messages WHERE id = ?')
  }

  insert(m: NewMessage): StoredMessage {
    return toMessage(this.insertStmt.get(m) as Row)
  }

  get(id: string): StoredMessage | null {
    const row = this.getStmt.get(id)
    return row ? toMessage(row) : null
  }

  listByConversation(conversationId: string): StoredMessage[] {
    return this.listStmt.all(conversationId).map(toMessage)
  }

  /** The throttled write while streaming; a no-op once the row has left `streaming`. */
  writePartial(id: string, content: string, at: number): void {
    this.contentStmt.run(content, at, id)
  }

  finish(id: string, state: FinalState, at: number): void {
    const errorJson = state.error ? JSON.stringify(state.error) : null
    this.finishStmt.run(state.content, state.status, state.finishReason, errorJson, at, id)
  }

  /** Puts a finished assistant row back to streaming for a retry. False if it is streaming already. */
  restart(id: string, model: string, at: number): boolean {
    return this.restartStmt.run(model, at, id).changes > 0
  }

  /** Puts a finished assistant row back to streaming with its text kept, for chat.continue. */
  resume(id: string, model: string, at: number): boolean {
    return this.resumeStmt.run(model, at, id).changes > 0
  }

  /** Attaches every child of `fromId` to `toParentId`, so deleting a message keeps what follows it. */
  reparentChildren(fromId: string, toParentId: string | null): void {
    this.reparentStmt.run(toParentId, fromId)
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }

  /** Crash recovery: rows still `streaming` at start-up belong to a process that died. */
  markStreamingInterrupted(at: number): number {
    return this.interruptStmt.run(at).changes
  }
}
