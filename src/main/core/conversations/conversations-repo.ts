/** The conversations table. Every statement is prepared once, here and nowhere else. */
import type { ConversationSettings, ConversationSummary } from '../../../shared/domain'
import type { Db } from '../kernel/db/database'
import { paramsFromJson, paramsToJson } from '../kernel/db/params-json'

export type TitleSource = 'auto' | 'user'

/** A conversation with what main needs beyond the summary the renderer lists. */
export interface StoredConversation extends ConversationSummary, ConversationSettings {
  /** The last message of the selected thread; null when empty (or stale, see thread.ts). */
  leafId: string | null
  titleSource: TitleSource
}

/** The columns of a ConversationSummary, for every query that lists conversations (`c` is conversations). */
export const SUMMARY_COLUMNS = `c.id, c.title, c.model, c.created_at, c.updated_at,
  (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count`

export interface SummaryRow {
  id: string
  title: string
  model: string
  created_at: number
  updated_at: number
  message_count: number
}

export const summaryFromRow = (r: SummaryRow): ConversationSummary => ({
  id: r.id,
  title: r.title,
  model: r.model,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  messageCount: r.message_count,
})

interface Row extends SummaryRow {
  leaf_id: string | null
  system_prompt: string
  params_json: string
  title_source: TitleSource
}

/** Only the contract's fields: the rest must not cross to the renderer. */
export const toSummary = (c: ConversationSummary): ConversationSummary => ({
  id: c.id,
  title: c.title,
  model: c.model,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  messageCount: c.messageCount,
})

const toStored = (r: Row): StoredConversation => ({
  ...summaryFromRow(r),
  leafId: r.leaf_id,
  systemPrompt: r.system_prompt,
  params: paramsFromJson(r.params_json),
  titleSource: r.title_source,
})

const SELECT = `SELECT ${SUMMARY_COLUMNS}, c.leaf_id, c.system_prompt, c.params_json, c.title_source
  FROM conversations c`

export interface NewConversation extends Partial<ConversationSettings> {
  id: string
  title: string
  model: string
  createdAt: number
}

export class ConversationsRepo {
  private readonly insertStmt
  private readonly touchStmt
  private readonly renameStmt
  private readonly autoTitleStmt
  private readonly leafStmt
  private readonly settingsStmt
  private readonly getStmt
  private readonly listStmt
  private readonly deleteStmt

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO conversations (id, title, model, created_at, updated_at, system_prompt, params_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.touchStmt = db.prepare('UPDATE conversations SET model = ?, updated_at = ? WHERE id = ?')
    this.renameStmt = db.prepare(`UPDATE conversations SET title = ?, title_source = 'user' WHERE id = ?`)
    this.autoTitleStmt = db.prepare(`UPDATE conversations SET title = ? WHERE id = ? AND title_source = 'auto'`)
    this.leafStmt = db.prepare('UPDATE conversations SET leaf_id = ? WHERE id = ?')
    this.settingsStmt = db.prepare('UPDATE conversations SET system_prompt = ?, params_json = ? WHERE id = ?')
    this.getStmt = db.prepare<[string], Row>(`${SELECT} WHERE c.id = ?`)
    this.listStmt = db.prepare<[], Row>(`${SELECT} ORDER BY c.updated_at DESC, c.created_at DESC`)
    this.deleteStmt = db.prepare('DELETE FROM conversations WHERE id = ?')
  }

  insert(c: NewConversation): void {
    this.insertStmt.run(c.id, c.title, c.model, c.createdAt, c.createdAt, c.systemPrompt ?? '', paramsToJson(c.params ?? {}))
  }

  /** Records activity: the list is ordered by it, and the model shows the one last used. */
  touch(id: string, model: string, at: number): void {
    this.touchStmt.run(model, at, id)
  }

  /** A rename is not activity, so it leaves updated_at (and the list order) alone. It is final: no automatic title replaces it. */
  rename(id: string, title: string): boolean {
    return this.renameStmt.run(title, id).changes > 0
  }

  /** The generated title; false when the user has named the conversation meanwhile (or it is gone). */
  setAutoTitle(id: string, title: string): boolean {
    return this.autoTitleStmt.run(title, id).changes > 0
  }

  setLeaf(id: string, leafId: string | null): void {
    this.leafStmt.run(leafId, id)
  }

  updateSettings(id: string, settings: ConversationSettings): boolean {
    return this.settingsStmt.run(settings.systemPrompt, paramsToJson(settings.params), id).changes > 0
  }

  get(id: string): StoredConversation | null {
    const row = this.getStmt.get(id)
    return row ? toStored(row) : null
  }

  list(): ConversationSummary[] {
    return this.listStmt.all().map(summaryFromRow)
  }

  /** Messages go with it (cascade); usage rows stay. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }
}
