/**
 * Full-text search over message text (messages_fts, migration 1) and titles
 * (conversation_titles_fts, migration 2). Both fold diacritics, so "cafe" finds "café".
 */
import type { ConversationSearchHit } from '../../../shared/domain'
import type { Db } from '../kernel/db/database'
import { SUMMARY_COLUMNS, summaryFromRow, type SummaryRow } from './conversations-repo'

/** Private-use characters around each hit, so the renderer can highlight without parsing HTML. */
export const HIT_START = '\uE000'
export const HIT_END = '\uE001'
export const SEARCH_LIMIT = 50
/** Tokens of context in a snippet. */
const SNIPPET_TOKENS = 16

/**
 * The user's words as an FTS5 query that cannot be a syntax error: each term is a
 * quoted string (so AND, NEAR(, col:, * and quotes are plain text), and the last one
 * is a prefix, so results follow typing. Null when no term has a letter or digit.
 */
export function toFtsQuery(query: string): string | null {
  const terms = query.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t))
  if (terms.length === 0) return null
  return terms.map((t, i) => `"${t.replace(/"/g, '""')}"${i === terms.length - 1 ? '*' : ''}`).join(' ')
}

interface Row extends SummaryRow {
  snippet: string | null
}

export class SearchRepo {
  private readonly searchStmt

  constructor(db: Db) {
    // snippet() cannot sit next to an aggregate or a window function, so the newest
    // matching message per conversation is picked first, then snippeted on its own.
    this.searchStmt = db.prepare<{ q: string; limit: number }, Row>(
      `WITH newest_hit AS (
         SELECT MAX(m.pk) AS pk FROM messages_fts JOIN messages m ON m.pk = messages_fts.rowid
         WHERE messages_fts MATCH @q GROUP BY m.conversation_id
       ),
       snippets AS (
         SELECT m.conversation_id AS cid,
           snippet(messages_fts, 0, char(57344), char(57345), '…', ${SNIPPET_TOKENS}) AS snippet
         FROM messages_fts JOIN messages m ON m.pk = messages_fts.rowid
         WHERE messages_fts MATCH @q AND messages_fts.rowid IN (SELECT pk FROM newest_hit)
       ),
       title_hits AS (
         SELECT conversation_id AS cid FROM conversation_titles_fts WHERE conversation_titles_fts MATCH @q
       )
       SELECT ${SUMMARY_COLUMNS}, s.snippet
       FROM conversations c LEFT JOIN snippets s ON s.cid = c.id
       WHERE s.cid IS NOT NULL OR c.id IN (SELECT cid FROM title_hits)
       ORDER BY c.updated_at DESC, c.created_at DESC
       LIMIT @limit`,
    )
  }

  /** Newest activity first; snippet is null when only the title matched. */
  search(query: string, limit = SEARCH_LIMIT): ConversationSearchHit[] {
    const q = toFtsQuery(query)
    if (!q) return []
    return this.searchStmt.all({ q, limit }).map((r) => ({ ...summaryFromRow(r), snippet: r.snippet }))
  }
}
