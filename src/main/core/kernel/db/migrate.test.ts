/** The per-module migration runner, on toy modules: ordering, bookkeeping, refusals and rollback. */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../../shared/errors'
import { makeTempDir } from '../../testing/temp-dir'
import { DB_FILE } from './database'
import { migrate, moduleVersions, PER_MODULE_SCHEMA, schemaVersion, type ModuleMigrations } from './migrate'

let tmp: ReturnType<typeof makeTempDir>
let db: Database.Database
beforeEach(() => {
  tmp = makeTempDir()
  db = new Database(path.join(tmp.dir, DB_FILE))
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

const m = (version: number, sql: string) => ({ version, name: `m${version}`, sql })
const notes: ModuleMigrations = {
  module: 'notes',
  migrations: [m(1, 'CREATE TABLE notes (id TEXT PRIMARY KEY)'), m(2, 'ALTER TABLE notes ADD COLUMN body TEXT')],
}
const tags: ModuleMigrations = {
  module: 'tags',
  migrations: [m(1, 'CREATE TABLE tags (note_id TEXT REFERENCES notes (id), tag TEXT)')],
}
const tables = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()

function refusal(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof AppErrorException) return err.appError.message
    throw err
  }
  throw new Error('expected a refusal')
}

describe('migrate', () => {
  it('applies each module in order and records every version', () => {
    expect(migrate(db, [notes, tags], 7)).toEqual([
      { module: 'notes', version: 1 },
      { module: 'notes', version: 2 },
      { module: 'tags', version: 1 },
    ])
    expect(db.prepare('SELECT module, version, name, applied_at FROM schema_migrations ORDER BY module, version').all()).toEqual([
      { module: 'notes', version: 1, name: 'm1', applied_at: 7 },
      { module: 'notes', version: 2, name: 'm2', applied_at: 7 },
      { module: 'tags', version: 1, name: 'm1', applied_at: 7 },
    ])
    expect(schemaVersion(db)).toBe(PER_MODULE_SCHEMA)
  })

  it('is idempotent, and applies only what a module added since', () => {
    migrate(db, [{ ...notes, migrations: notes.migrations.slice(0, 1) }])
    db.prepare("INSERT INTO notes VALUES ('n1')").run()
    expect(migrate(db, [notes, tags])).toEqual([
      { module: 'notes', version: 2 },
      { module: 'tags', version: 1 },
    ])
    expect(migrate(db, [notes, tags])).toEqual([])
    expect(db.prepare('SELECT id FROM notes').pluck().all()).toEqual(['n1'])
  })

  it('lets two modules each add their own version 2 without a collision', () => {
    const tags2 = { ...tags, migrations: [...tags.migrations, m(2, 'CREATE INDEX tags_by_tag ON tags (tag)')] }
    migrate(db, [notes, tags2])
    expect(moduleVersions(db)).toEqual(new Map([['notes', 2], ['tags', 2]]))
  })

  it('rolls back every migration of the batch when one fails', () => {
    const broken = { module: 'broken', migrations: [m(1, 'CREATE TABLE x (; nonsense')] }
    expect(() => migrate(db, [notes, broken])).toThrow()
    expect(tables()).toEqual([])
    expect(schemaVersion(db)).toBe(0)
  })

  it('refuses a module version newer than this build knows, naming it', () => {
    migrate(db, [notes])
    expect(refusal(() => migrate(db, [{ ...notes, migrations: notes.migrations.slice(0, 1) }]))).toMatch(
      /newer version of Mistral Desk \(notes 2; this version knows 1\)/,
    )
  })

  it('refuses a user_version it cannot account for', () => {
    db.pragma('user_version = 99')
    expect(refusal(() => migrate(db, [notes]))).toMatch(/newer version of Mistral Desk \(schema 99\)/)
    db.pragma(`user_version = ${PER_MODULE_SCHEMA + 1}`)
    expect(refusal(() => migrate(db, [notes]))).toMatch(/newer version/)
  })
})
