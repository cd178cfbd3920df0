/** The conversations table. Every statement is prepared once, here and nowhere else. */
import type { ConversationListItem, ConversationSettings, ConversationSummary, HistoryFilter } from '../../../shared/domain'
import type { Db } from '../kernel/db/database'
import { paramsFromJson, paramsToJson } from '../kernel/db/params-json'

export type TitleSource = 'auto' | 'user'

/** A conversation with what main needs beyond the summary the renderer lists. */
export interface StoredConversation extends ConversationSummary, ConversationSettings {
  /** The last message of the selected thread; null when empty (or stale, see thread.ts). */
  leafId: string | null
  titleSource: TitleSource
  pinnedAt: number | null
  archivedAt: number | null
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
  pinned_at: number | null
  archived_at: number | null
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
  pinnedAt: r.pinned_at,
  archivedAt: r.archived_at,
})

const toListItem = (c: StoredConversation): ConversationListItem => ({
  ...toSummary(c),
  pinnedAt: c.pinnedAt,
  archivedAt: c.archivedAt,
})

/** Where a page ended: the list order's key of its last row. */
export interface ListCursor {
  pinned: 0 | 1
  updatedAt: number
  id: string
}

/** The filter as the one prepared list statement takes it: absent fields are NULL. */
export const filterParams = (f: HistoryFilter = {}) => ({
  model: f.model ?? null,
  from: f.from ?? null,
  to: f.to ?? null,
  archived: f.archived ?? 'exclude',
})

/** The filter as SQL over conversations c, for this repo and search-repo.ts. */
export const FILTER_SQL = `c.deleted_at IS NULL
  AND (@model IS NULL OR c.model = @model)
  AND (@from IS NULL OR c.updated_at >= @from)
  AND (@to IS NULL OR c.updated_at < @to)
  AND (@archived = 'include' OR (@archived = 'only') = (c.archived_at IS NOT NULL))`

const SELECT = `SELECT ${SUMMARY_COLUMNS}, c.leaf_id, c.system_prompt, c.params_json, c.title_source,
  c.pinned_at, c.archived_at
  FROM conversations c`

/** The sidebar's order: pinned first, then by last activity; id breaks ties so paging is exact. */
const LIST_ORDER = '(c.pinned_at IS NOT NULL) DESC, c.updated_at DESC, c.id DESC'

export interface NewConversation extends Partial<ConversationSettings> {
  id: string
  title: string
  model: string
  createdAt: number
}

type Ids = readonly string[]

export class ConversationsRepo {
  private readonly insertStmt
  private readonly touchStmt
  private readonly renameStmt
  private readonly autoTitleStmt
  private readonly leafStmt
  private readonly settingsStmt
  private readonly getStmt
  private readonly listStmt
  private readonly pageStmt
  private readonly pinStmt
  private readonly archiveStmt
  private readonly trashStmt
  private readonly restoreStmt
  private readonly purgeStmt
  private readonly deleteStmt

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO conversations (id, title, model, created_at, updated_at, system_prompt, params_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.touchStmt = db.prepare('UPDATE conversations SET model = ?, updated_at = ? WHERE id = ?')
    this.renameStmt = db.prepare(`UPDATE conversations SET title = ?, title_source = 'user' WHERE id = ? AND deleted_at IS NULL`)
    this.autoTitleStmt = db.prepare(`UPDATE conversations SET title = ? WHERE id = ? AND title_source = 'auto'`)
    this.leafStmt = db.prepare('UPDATE conversations SET leaf_id = ? WHERE id = ?')
    this.settingsStmt = db.prepare('UPDATE conversations SET system_prompt = ?, params_json = ? WHERE id = ? AND deleted_at IS NULL')
    // A conversation in the trash is gone for everything but restore().
    this.getStmt = db.prepare<[string], Row>(`${SELECT} WHERE c.id = ? AND c.deleted_at IS NULL`)
    this.listStmt = db.prepare<[], Row>(
      `${SELECT} WHERE c.deleted_at IS NULL AND c.archived_at IS NULL ORDER BY ${LIST_ORDER}`,
    )
    this.pageStmt = db.prepare<Record<string, unknown>, Row>(
      `${SELECT} WHERE ${FILTER_SQL}
         AND (@cursorId IS NULL OR ((c.pinned_at IS NOT NULL), c.updated_at, c.id) < (@cursorPinned, @cursorUpdated, @cursorId))
       ORDER BY ${LIST_ORDER} LIMIT @limit`,
    )
    // Pinning again keeps the first time; COALESCE makes the marks idempotent.
    this.pinStmt = db.prepare(
      `UPDATE conversations SET pinned_at = CASE WHEN @on THEN COALESCE(pinned_at, @at) END
       WHERE id = @id AND deleted_at IS NULL AND (pinned_at IS NOT NULL) != @on`,
    )
    this.archiveStmt = db.prepare(
      `UPDATE conversations SET archived_at = CASE WHEN @on THEN COALESCE(archived_at, @at) END
       WHERE id = @id AND deleted_at IS NULL AND (archived_at IS NOT NULL) != @on`,
    )
    this.trashStmt = db.prepare('UPDATE conversations SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
    this.restoreStmt = db.prepare('UPDATE conversations SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
    this.purgeStmt = db.prepare('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND deleted_at <= ?')
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

  /** Every live, unarchived conversation; the sidebar pages with page() instead. */
  list(): ConversationSummary[] {
    return this.listStmt.all().map(summaryFromRow)
  }

  /** Up to `limit` rows after `cursor` in list order, and whether more follow. */
  page(filter: HistoryFilter, cursor: ListCursor | null, limit: number): { items: ConversationListItem[]; last: ListCursor | null; more: boolean } {
    const rows = this.pageStmt.all({
      ...filterParams(filter),
      cursorPinned: cursor?.pinned ?? null,
      cursorUpdated: cursor?.updatedAt ?? null,
      cursorId: cursor?.id ?? null,
      limit: limit + 1,
    })
    const more = rows.length > limit
    const items = rows.slice(0, limit).map((r) => toListItem(toStored(r)))
    const end = items.at(-1)
    const last = end ? { pinned: end.pinnedAt === null ? 0 : 1, updatedAt: end.updatedAt, id: end.id } as const : null
    return { items, last, more }
  }

  /** How many of `ids` changed (already pinned/unpinned, trashed or unknown ones do not count). */
  setPinned(ids: Ids, pinned: boolean, at: number): number {
    return this.each(ids, (id) => this.pinStmt.run({ id, on: pinned ? 1 : 0, at }).changes)
  }

  setArchived(ids: Ids, archived: boolean, at: number): number {
    return this.each(ids, (id) => this.archiveStmt.run({ id, on: archived ? 1 : 0, at }).changes)
  }

  /** Moves them to the trash: hidden everywhere, restorable until purged. */
  trash(ids: Ids, at: number): number {
    return this.each(ids, (id) => this.trashStmt.run(at, id).changes)
  }

  restore(ids: Ids): number {
    return this.each(ids, (id) => this.restoreStmt.run(id).changes)
  }

  /** Deletes for good what was trashed at or before `at`. Messages go with it (cascade); usage rows stay. */
  purgeTrashed(at: number): number {
    return this.purgeStmt.run(at).changes
  }

  /** Deletes at once, without the trash. Messages go with it (cascade); usage rows stay. */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }

  private each(ids: Ids, change: (id: string) => number): number {
    return this.db.transaction(() => ids.reduce((sum, id) => sum + change(id), 0))()
  }
}
