/**
 * The conversations and messages tables read and written column by column, whatever
 * columns they have today: an export carries every column (a column another feature
 * adds is exported without a change here), and an import writes back every column the
 * table knows. Storage details (the integer pk, the trash mark) stay out.
 */
import type { Db } from '../kernel/db/database'

export type Cell = string | number | null
export type Record_ = Record<string, Cell>

/** Columns that are storage, not history: pk is a local rowid, deleted_at marks the trash. */
const NOT_EXPORTED: Record<string, readonly string[]> = {
  conversations: ['deleted_at'],
  messages: ['pk'],
}

export interface ConversationRecord {
  conversation: Record_
  messages: Record_[]
}

export class HistoryTables {
  readonly conversationColumns: readonly string[]
  readonly messageColumns: readonly string[]
  private readonly insertConversationStmt
  private readonly insertMessageStmt
  private readonly existsStmt
  private readonly allIdsStmt
  private readonly conversationStmt
  private readonly messagesStmt

  constructor(private readonly db: Db) {
    this.conversationColumns = this.columns('conversations')
    this.messageColumns = this.columns('messages')
    const insert = (table: string, cols: readonly string[]) =>
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`)
    this.insertConversationStmt = insert('conversations', this.conversationColumns)
    this.insertMessageStmt = insert('messages', this.messageColumns)
    this.existsStmt = db.prepare<[string], { id: string }>('SELECT id FROM conversations WHERE id = ?')
    this.allIdsStmt = db.prepare<[], { id: string }>(
      'SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, id',
    )
    this.conversationStmt = db.prepare<[string], Record_>(`SELECT * FROM conversations WHERE id = ? AND deleted_at IS NULL`)
    this.messagesStmt = db.prepare<[string], Record_>('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq')
  }

  /** Live conversations, oldest first (a stable order for byte-identical exports). */
  allIds(): string[] {
    return this.allIdsStmt.all().map((r) => r.id)
  }

  read(id: string): ConversationRecord | null {
    const row = this.conversationStmt.get(id)
    if (!row) return null
    return {
      conversation: strip(row, NOT_EXPORTED.conversations),
      messages: this.messagesStmt.all(id).map((m) => strip(m, NOT_EXPORTED.messages)),
    }
  }

  exists(id: string): boolean {
    return this.existsStmt.get(id) !== undefined
  }

  /**
   * Writes one conversation and its messages. Columns the table lacks are dropped;
   * columns the record lacks take their defaults (NULL binds are avoided for them).
   * Call inside a transaction with deferred foreign keys: parents may follow children.
   */
  write(record: ConversationRecord): void {
    this.insertConversationStmt.run(this.bind(record.conversation, this.conversationColumns, 'conversations'))
    for (const m of record.messages) this.insertMessageStmt.run(this.bind(m, this.messageColumns, 'messages'))
  }

  private bind(record: Record_, columns: readonly string[], table: string): Record_ {
    const defaults = this.defaults(table)
    return Object.fromEntries(columns.map((c) => [c, c in record ? (record[c] ?? null) : (defaults.get(c) ?? null)]))
  }

  private readonly defaultCache = new Map<string, Map<string, Cell>>()
  private defaults(table: string): Map<string, Cell> {
    let found = this.defaultCache.get(table)
    if (!found) {
      found = new Map()
      for (const col of this.tableInfo(table)) {
        if (col.dflt_value !== null) found.set(col.name, this.db.prepare(`SELECT ${col.dflt_value} AS v`).pluck().get() as Cell)
      }
      this.defaultCache.set(table, found)
    }
    return found
  }

  private columns(table: string): string[] {
    return this.tableInfo(table)
      .map((c) => c.name)
      .filter((name) => !(NOT_EXPORTED[table] ?? []).includes(name))
  }

  private tableInfo(table: string) {
    return this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string; dflt_value: string | null }[]
  }
}

function strip(row: Record_, drop: readonly string[] | undefined): Record_ {
  const out: Record_ = {}
  for (const [k, v] of Object.entries(row)) if (!drop?.includes(k)) out[k] = v
  return out
}
