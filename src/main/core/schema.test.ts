/**
 * The app's schema as a whole: a real database written by the last build with the
 * global migration sequence (kernel/db/fixtures/made-by-v2.sqlite, made by that code
 * through the simulator) upgrades without loss and ends up with exactly the schema
 * of a new database; and no module alters a table another module created.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DB_FILE } from './kernel/db/database'
import { moduleVersions, PER_MODULE_SCHEMA, schemaVersion } from './kernel/db/migrate'
import { usageSchema } from './kernel/usage/usage.schema'
import { appSchema, openAppDatabase } from './schema'
import { CoreHarness } from './testing/core-harness'
import { makeTempDir } from './testing/temp-dir'

const FIXTURE = path.join(__dirname, 'kernel/db/fixtures/made-by-v2.sqlite')
const TABLES = ['conversations', 'messages', 'presets', 'usage_ledger']

let tmp: ReturnType<typeof makeTempDir>
beforeEach(() => {
  tmp = makeTempDir()
})
afterEach(() => tmp.cleanup())

function dump(file: string) {
  const db = new Database(file, { readonly: true })
  try {
    return {
      rows: Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()])),
      schema: db
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'schema_migrations' ORDER BY name")
        .all(),
    }
  } finally {
    db.close()
  }
}

describe('a database made by version 2 of the schema', () => {
  it('is adopted into per-module migrations with every row kept', () => {
    const dataDir = path.join(tmp.dir, 'data')
    fs.mkdirSync(dataDir)
    fs.copyFileSync(FIXTURE, path.join(dataDir, DB_FILE))
    const before = dump(path.join(dataDir, DB_FILE))
    expect(before.rows.messages).toHaveLength(7)

    const db = openAppDatabase(dataDir)
    expect(schemaVersion(db)).toBe(PER_MODULE_SCHEMA)
    // Modules added since (budgets, …) start at their own 1; these are the ones the old database had.
    expect(Object.fromEntries(moduleVersions(db))).toMatchObject({ conversations: 2, presets: 1, usage: usageSchema.migrations.length })
    db.close()
    // usage 2 adds columns to the ledger (kernel/usage/usage-ledger.test.ts checks what they hold): the old ones are kept.
    const after = dump(path.join(dataDir, DB_FILE)).rows
    const ledgerColumns = Object.keys(before.rows.usage_ledger![0] as object)
    after.usage_ledger = after.usage_ledger!.map((r) => Object.fromEntries(ledgerColumns.map((c) => [c, (r as Record<string, unknown>)[c]])))
    expect(after).toEqual(before.rows)
  })

  it('has exactly the schema of a new database once upgraded', () => {
    const upgraded = path.join(tmp.dir, 'old')
    fs.mkdirSync(upgraded)
    fs.copyFileSync(FIXTURE, path.join(upgraded, DB_FILE))
    openAppDatabase(upgraded).close()
    const fresh = path.join(tmp.dir, 'new')
    openAppDatabase(fresh).close()
    expect(dump(path.join(upgraded, DB_FILE)).schema).toEqual(dump(path.join(fresh, DB_FILE)).schema)
  })

  it('opens in the app with its conversations, settings, versions, presets and search', async () => {
    const h = await CoreHarness.start()
    try {
      h.core.close()
      fs.copyFileSync(FIXTURE, path.join(h.dataDir, DB_FILE))
      for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(h.dataDir, DB_FILE + suffix), { force: true })
      h.restart()
      const list = await h.ok('conversations.list', {})
      expect(list.map((c) => c.title).sort()).toEqual(['Bom dia! Here is **markdown', 'Renamed by user'])
      const first = list.find((c) => c.title.startsWith('Bom dia'))!
      const conversation = await h.ok('conversations.get', { id: first.id })
      expect(conversation).toMatchObject({ systemPrompt: 'Be brief.', params: { temperature: 0.3, maxTokens: 200 } })
      expect(conversation.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant'])
      expect(conversation.messages[3]!.versionIds).toHaveLength(2)
      expect((await h.ok('presets.list', {})).map((p) => p.name)).toEqual(['Terse'])
      expect((await h.ok('conversations.search', { query: 'lisbonne' })).map((c) => c.id)).toEqual([first.id])
    } finally {
      await h.stop()
    }
  })
})

describe('table ownership', () => {
  it('only the module that creates a table alters it, indexes it or puts triggers on it', () => {
    const owner = new Map<string, string>()
    const schema = appSchema()
    for (const { module, migrations } of schema) {
      for (const m of migrations) {
        for (const [, name] of m.sql.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?(\w+)/gi)) owner.set(name!, module)
      }
    }
    const touches = /(?:ALTER TABLE|DROP TABLE|INSERT INTO|UPDATE|DELETE FROM|CREATE (?:UNIQUE )?INDEX \w+ ON|(?:BEFORE|AFTER) (?:INSERT|UPDATE|DELETE)(?: OF [\w, ]+)? ON) (\w+)/gi
    const foreign: string[] = []
    for (const { module, migrations } of schema) {
      for (const m of migrations) {
        for (const [, table] of m.sql.matchAll(touches)) {
          const by = owner.get(table!)
          if (by !== undefined && by !== module) foreign.push(`${module} ${m.version} touches ${table} (owned by ${by})`)
        }
      }
    }
    expect(owner.get('messages')).toBe('conversations')
    expect(owner.get('usage_ledger')).toBe('usage')
    expect(foreign).toEqual([])
  })
})
