/**
 * Message-level full-text search: conversations with matches (newest activity first) with
 * their match counts, the first matching messages with snippets, and every matching
 * message of one conversation for next/previous. Words go through messages_fts
 * (conversations 1); scripts without spaces through messages_trigram (conversations 4).
 * Trashed conversations never match; the sidebar's filters apply.
 */
import type { HistoryFilter, HistorySearchGroup, MessageHit, MessageRole } from '../../../../shared/domain'
import type { Db } from '../../kernel/db/database'
import { FILTER_SQL, SUMMARY_COLUMNS, filterParams, summaryFromRow, type SummaryRow } from '../conversations-repo'
import { toFtsQuery, toTrigramQuery, type ParsedQuery } from './query'
import { substringSnippet } from './snippet'

export const GROUP_LIMIT = 50
export const HITS_PER_GROUP = 3
/** Next/previous walks at most this many matches of one conversation. */
export const MATCHES_IN_CONVERSATION_LIMIT = 10_000
const SNIPPET_TOKENS = 16

interface GroupRow extends SummaryRow {
  pinned_at: number | null
  archived_at: number | null
  match_count: number
  title_match: number
}

interface HitRow {
  id: string
  role: MessageRole
  created_at: number
  snippet: string
}

/** Every conversation's part of the substring conditions: all included patterns, no excluded one. */
const LIKES = (column: string) => `NOT EXISTS (SELECT 1 FROM json_each(@like) j WHERE ${column} NOT LIKE j.value ESCAPE '\\')
  AND NOT EXISTS (SELECT 1 FROM json_each(@notLike) j WHERE ${column} LIKE j.value ESCAPE '\\')`

/** The messages (pk, conversation id) that match, per index. */
const SOURCES = {
  words: {
    hits: `SELECT m.pk, m.conversation_id AS cid FROM messages_fts JOIN messages m ON m.pk = messages_fts.rowid
      WHERE messages_fts MATCH @q`,
    titles: `SELECT conversation_id AS cid FROM conversation_titles_fts WHERE conversation_titles_fts MATCH @q`,
  },
  trigram: {
    hits: `SELECT m.pk, m.conversation_id AS cid FROM messages_trigram t JOIN messages m ON m.pk = t.rowid
      WHERE messages_trigram MATCH @match AND ${LIKES('t.content')}`,
    titles: `SELECT id AS cid FROM conversations WHERE ${LIKES('title')}`,
  },
  // Every term is shorter than a trigram: LIKE over the (CJK-only) trigram table's text.
  short: {
    hits: `SELECT m.pk, m.conversation_id AS cid FROM messages_trigram t JOIN messages m ON m.pk = t.rowid
      WHERE ${LIKES('t.content')}`,
    titles: `SELECT id AS cid FROM conversations WHERE ${LIKES('title')}`,
  },
} as const
type Source = keyof typeof SOURCES

const groupsSql = (s: Source) => `WITH hits AS (${SOURCES[s].hits}),
  counts AS (SELECT cid, COUNT(*) AS n FROM hits GROUP BY cid),
  titles AS (${SOURCES[s].titles})
  SELECT ${SUMMARY_COLUMNS}, c.pinned_at, c.archived_at,
    COALESCE(counts.n, 0) AS match_count, c.id IN (SELECT cid FROM titles) AS title_match
  FROM conversations c LEFT JOIN counts ON counts.cid = c.id
  WHERE (counts.cid IS NOT NULL OR c.id IN (SELECT cid FROM titles)) AND ${FILTER_SQL}
  ORDER BY c.updated_at DESC, c.id DESC LIMIT @limit`

/** Matches of one conversation in conversation order; the rowid IN keeps FTS5 to its rows. */
const inConversationSql = (s: Source, columns: string) => `SELECT ${columns}
  FROM (${SOURCES[s].hits} AND m.conversation_id = @cid) h JOIN messages m ON m.pk = h.pk
  ORDER BY m.seq LIMIT @limit`

type Params = Record<string, unknown>

export class MessageSearchRepo {
  private readonly groupStmts
  private readonly idStmts
  private readonly substringHitStmts
  private readonly wordHitStmt

  constructor(db: Db) {
    const each = <T>(make: (s: Source) => T) => ({ words: make('words'), trigram: make('trigram'), short: make('short') })
    this.groupStmts = each((s) => db.prepare<Params, GroupRow>(groupsSql(s)))
    this.idStmts = each((s) => db.prepare<Params, { id: string }>(inConversationSql(s, 'm.id')))
    this.substringHitStmts = each((s) =>
      db.prepare<Params, HitRow & { content: string }>(inConversationSql(s, 'm.id, m.role, m.created_at, m.content')),
    )
    this.wordHitStmt = db.prepare<Params, HitRow>(
      `SELECT m.id, m.role, m.created_at,
         snippet(messages_fts, 0, char(57344), char(57345), '…', ${SNIPPET_TOKENS}) AS snippet
       FROM messages_fts JOIN messages m ON m.pk = messages_fts.rowid
       WHERE messages_fts MATCH @q AND messages_fts.rowid IN (SELECT pk FROM messages WHERE conversation_id = @cid)
       ORDER BY m.seq LIMIT @limit`,
    )
  }

  search(parsed: ParsedQuery, filter: HistoryFilter, limit = GROUP_LIMIT): HistorySearchGroup[] {
    const plan = this.plan(parsed)
    if (!plan) return []
    const rows = this.groupStmts[plan.source].all({ ...plan.params, ...filterParams(filter), limit })
    return rows.map((r) => ({
      ...summaryFromRow(r),
      pinnedAt: r.pinned_at,
      archivedAt: r.archived_at,
      matchCount: r.match_count,
      titleMatch: r.title_match === 1,
      hits: r.match_count > 0 ? this.hits(plan, parsed, r.id) : [],
    }))
  }

  /** Ids of every matching message of one conversation, in conversation order. */
  matchIds(parsed: ParsedQuery, conversationId: string): string[] {
    const plan = this.plan(parsed)
    if (!plan) return []
    return this.idStmts[plan.source].all({ ...plan.params, cid: conversationId, limit: MATCHES_IN_CONVERSATION_LIMIT }).map((r) => r.id)
  }

  private hits(plan: Plan, parsed: ParsedQuery, cid: string): MessageHit[] {
    const params = { ...plan.params, cid, limit: HITS_PER_GROUP }
    if (plan.source === 'words') return this.wordHitStmt.all(params).map(toHit)
    const terms = parsed.include.map((t) => t.text)
    return this.substringHitStmts[plan.source].all(params).map((r) => toHit({ ...r, snippet: substringSnippet(r.content, terms) }))
  }

  private plan(parsed: ParsedQuery): Plan | null {
    if (!parsed.substring) {
      const q = toFtsQuery(parsed)
      return q ? { source: 'words', params: { q } } : null
    }
    const t = toTrigramQuery(parsed)
    if (!t) return null
    const params = { like: JSON.stringify(t.like), notLike: JSON.stringify(t.notLike) }
    return t.match ? { source: 'trigram', params: { ...params, match: t.match } } : { source: 'short', params }
  }
}

interface Plan {
  source: Source
  params: Params
}

const toHit = (r: HitRow): MessageHit => ({ messageId: r.id, role: r.role, createdAt: r.created_at, snippet: r.snippet })
