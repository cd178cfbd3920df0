/**
 * A version-1 database (the old global sequence) that holds data, opened by today's
 * schema: conversations 2 backfills the tree and the leaf from seq order, presets 1
 * adds its table, and nothing is lost.
 */
import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/temp-dir'
import { ConversationsRepo } from './conversations-repo'
import { DB_FILE } from '../kernel/db/database'
import { moduleVersions } from '../kernel/db/migrate'
import * as ledger001 from '../kernel/usage/migrations/001-usage-ledger'
import * as conversations001 from './migrations/001-conversations-messages'
import { openAppDatabase } from '../schema'
import { usageSchema } from '../kernel/usage/usage.schema'
import { MessagesRepo } from './messages-repo'
import { SearchRepo } from './search-repo'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

/** Writes rows the way version 1 did, with raw SQL against the version-1 schema. */
function seedVersion1(): void {
  const v1 = new Database(path.join(tmp.dir, DB_FILE))
  // Version 1 of the old global sequence was exactly these two, now split by owner.
  v1.exec(conversations001.sql + ledger001.sql)
  v1.pragma('user_version = 1')
  const conv = v1.prepare('INSERT INTO conversations (id, title, model, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
  const msg = v1.prepare(
    `INSERT INTO messages (id, conversation_id, seq, role, content, status, model, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  conv.run('c1', 'Café talk', 'm', 1, 5)
  conv.run('c2', 'Empty', 'm', 2, 2)
  // Inserted out of seq order: the backfill must follow seq, not insertion.
  msg.run('m3', 'c1', 3, 'user', 'second question', 'complete', null, 3, 3)
  msg.run('m1', 'c1', 1, 'user', 'un café', 'complete', null, 1, 1)
  msg.run('m2', 'c1', 2, 'assistant', '', 'error', 'm', 2, 2)
  msg.run('m4', 'c1', 4, 'assistant', 'answer', 'complete', 'm', 4, 4)
  v1.close()
}

describe('a version-1 database', () => {
  it('backfills parents and leaves from seq order and keeps every row', () => {
    seedVersion1()
    const db = openAppDatabase(tmp.dir)
    // Modules added since (budgets, …) start at their own 1; these are the ones the old database had.
    expect(Object.fromEntries(moduleVersions(db))).toMatchObject({ conversations: 2, presets: 1, usage: usageSchema.migrations.length })
    const messages = new MessagesRepo(db)
    expect(messages.listByConversation('c1').map((m) => [m.id, m.parentId])).toEqual([
      ['m1', null],
      ['m2', 'm1'],
      ['m3', 'm2'],
      ['m4', 'm3'],
    ])
    const conversations = new ConversationsRepo(db)
    expect(conversations.get('c1')).toMatchObject({
      leafId: 'm4',
      systemPrompt: '',
      params: {},
      messageCount: 4,
      updatedAt: 5,
      // Version 1 did not know who named a conversation: its titles are kept as the user's.
      titleSource: 'user',
    })
    expect(conversations.get('c2')).toMatchObject({ leafId: null, messageCount: 0 })
    // Existing titles are searchable, diacritics folded.
    expect(new SearchRepo(db).search('cafe').map((h) => h.id)).toEqual(['c1'])
    // A title the user gave is never replaced by an automatic one.
    expect(conversations.setAutoTitle('c1', 'Generated')).toBe(false)
    db.close()
  })

  it('adds the presets table and the sibling index', () => {
    seedVersion1()
    openAppDatabase(tmp.dir).close()
    const raw = new Database(path.join(tmp.dir, DB_FILE))
    const names = (raw.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index')").all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(expect.arrayContaining(['presets', 'messages_by_parent', 'conversation_titles_fts']))
    raw.close()
  })

  it('new conversations start with an automatic title that a rename makes final', () => {
    const db = openAppDatabase(tmp.dir)
    const conversations = new ConversationsRepo(db)
    conversations.insert({ id: 'n', title: 'first words', model: 'm', createdAt: 1 })
    expect(conversations.get('n')?.titleSource).toBe('auto')
    expect(conversations.setAutoTitle('n', 'Generated')).toBe(true)
    expect(conversations.rename('n', 'Mine')).toBe(true)
    expect(conversations.setAutoTitle('n', 'Generated again')).toBe(false)
    expect(conversations.get('n')).toMatchObject({ title: 'Mine', titleSource: 'user' })
    db.close()
  })
})
