import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../testing/temp-dir'
import { DB_FILE, openDatabase } from './database'
import { moduleVersions, type ModuleMigrations } from './migrate'

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger','index') ORDER BY name").all() as {
    name: string
  }[]).map((r) => r.name)

const schema: ModuleMigrations[] = [
  { module: 'notes', migrations: [{ version: 1, name: 'notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)' }] },
]

describe('openDatabase', () => {
  it('creates the file and its folder, migrates, and sets WAL, foreign keys and a busy timeout', () => {
    const dataDir = path.join(tmp.dir, 'nested', 'data')
    const db = openDatabase(dataDir, { schema })
    expect(fs.existsSync(path.join(dataDir, DB_FILE))).toBe(true)
    expect(moduleVersions(db)).toEqual(new Map([['notes', 1]]))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(tables(db)).toContain('notes')
    db.close()
  })

  it('closes the file again when a migration fails', () => {
    const broken = [{ module: 'x', migrations: [{ version: 1, name: 'broken', sql: 'CREATE TABLE x (; nonsense' }] }]
    expect(() => openDatabase(tmp.dir, { schema: broken })).toThrow()
    // A handle left open would keep the WAL files; reopening with a good schema works.
    openDatabase(tmp.dir, { schema }).close()
  })
})

describe('openDatabase with a nativeBinding', () => {
  // The addon this Node (and vitest) already loads: the Electron one cannot load here.
  const nodeBinding = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node')

  it('loads SQLite from the given addon', () => {
    const db = openDatabase(tmp.dir, { schema, nativeBinding: nodeBinding })
    db.prepare("INSERT INTO notes VALUES ('n1', 't')").run()
    expect(db.prepare('SELECT body FROM notes').pluck().get()).toBe('t')
    db.close()
  })

  it('says which addon it could not load, and creates no database', () => {
    const bogus = path.join(tmp.dir, 'nowhere', 'better_sqlite3.node')
    const dataDir = path.join(tmp.dir, 'data')
    expect(() => openDatabase(dataDir, { schema, nativeBinding: bogus })).toThrow(
      new RegExp(`Could not load SQLite's native module from ${escapeRegExp(bogus)}: Cannot find module`),
    )
    expect(fs.existsSync(path.join(dataDir, DB_FILE))).toBe(false)
  })

  it('refuses a file that is not a native addon, with the same message', () => {
    const notAddon = path.join(tmp.dir, 'better_sqlite3.node')
    fs.writeFileSync(notAddon, 'not a shared library')
    expect(() => openDatabase(path.join(tmp.dir, 'data'), { schema, nativeBinding: notAddon })).toThrow(
      /^Could not load SQLite's native module from .*better_sqlite3\.node: /,
    )
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
