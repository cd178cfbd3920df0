import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../../shared/errors'
import { makeTempDir } from '../../testing/temp-dir'
import { DB_FILE, openDatabase } from './database'
import { schemaVersion } from './migrate'
import { migrations } from './migrations'
import { MessagesRepo } from '../../conversations/messages-repo'
import { ConversationsRepo } from '../../conversations/conversations-repo'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger','index') ORDER BY name").all() as {
    name: string
  }[]).map((r) => r.name)

describe('openDatabase', () => {
  it('creates the file, applies every migration and records the version', () => {
    const dataDir = path.join(tmp.dir, 'nested', 'data')
    const db = openDatabase(dataDir)
    expect(fs.existsSync(path.join(dataDir, DB_FILE))).toBe(true)
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(tables(db)).toEqual(
      expect.arrayContaining(['conversations', 'messages', 'usage_ledger', 'messages_fts', 'conversations_by_updated']),
    )
    db.close()
  })

  it('is idempotent: reopening applies nothing and keeps data', () => {
    const db = openDatabase(tmp.dir)
    new ConversationsRepo(db).insert({ id: 'c1', title: 't', model: 'm', createdAt: 1 })
    db.close()
    const again = openDatabase(tmp.dir)
    expect(schemaVersion(again)).toBe(migrations.length)
    expect(new ConversationsRepo(again).get('c1')?.title).toBe('t')
    again.close()
  })

  it('refuses a database written by a newer app, with a clear error', () => {
    const raw = new Database(path.join(tmp.dir, DB_FILE))
    raw.pragma('user_version = 99')
    raw.close()
    let caught: unknown
    try {
      openDatabase(tmp.dir)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(AppErrorException)
    expect((caught as AppErrorException).appError.message).toMatch(/newer version.*schema 99/)
  })

  it('rolls back every migration of the batch when one fails', () => {
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE x (; nonsense' }]
    expect(() => openDatabase(tmp.dir, { migrations: broken })).toThrow()
    const raw = new Database(path.join(tmp.dir, DB_FILE))
    expect(schemaVersion(raw)).toBe(0)
    expect(tables(raw)).not.toContain('conversations')
    raw.close()
  })
})

describe('openDatabase with a nativeBinding', () => {
  // The addon this Node (and vitest) already loads: the Electron one cannot load here.
  const nodeBinding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node')

  it('loads SQLite from the given addon', () => {
    const db = openDatabase(tmp.dir, { nativeBinding: nodeBinding })
    expect(schemaVersion(db)).toBe(migrations.length)
    new ConversationsRepo(db).insert({ id: 'c1', title: 't', model: 'm', createdAt: 1 })
    expect(new ConversationsRepo(db).get('c1')?.title).toBe('t')
    db.close()
  })

  it('says which addon it could not load, and creates no database', () => {
    const bogus = path.join(tmp.dir, 'nowhere', 'better_sqlite3.node')
    const dataDir = path.join(tmp.dir, 'data')
    expect(() => openDatabase(dataDir, { nativeBinding: bogus })).toThrow(
      new RegExp(`Could not load SQLite's native module from ${escapeRegExp(bogus)}: Cannot find module`),
    )
    expect(fs.existsSync(path.join(dataDir, DB_FILE))).toBe(false)
  })

  it('refuses a file that is not a native addon, with the same message', () => {
    const notAddon = path.join(tmp.dir, 'better_sqlite3.node')
    fs.writeFileSync(notAddon, 'not a shared library')
    expect(() => openDatabase(path.join(tmp.dir, 'data'), { nativeBinding: notAddon })).toThrow(
      /^Could not load SQLite's native module from .*better_sqlite3\.node: /,
    )
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('crash recovery', () => {
  it('marks rows left streaming as interrupted, keeping their partial text', () => {
    const db = openDatabase(tmp.dir)
    new ConversationsRepo(db).insert({ id: 'c1', title: 't', model: 'm', createdAt: 1 })
    const messages = new MessagesRepo(db)
    const done = messages.insert({ id: 'a', conversationId: 'c1', parentId: null, role: 'user', content: 'hi', status: 'complete', model: null, createdAt: 1 })
    const live = messages.insert({ id: 'b', conversationId: 'c1', parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm', createdAt: 2 })
    messages.writePartial(live.id, 'partial tex', 3)
    db.close() // the "crash"

    const reopened = openDatabase(tmp.dir)
    const repo = new MessagesRepo(reopened)
    expect(repo.markStreamingInterrupted(10)).toBe(1)
    expect(repo.get('b')).toMatchObject({ status: 'interrupted', content: 'partial tex' })
    expect(repo.get(done.id)?.status).toBe('complete')
    expect(repo.markStreamingInterrupted(11)).toBe(0)
    reopened.close()
  })
})
