/**
 * Applies numbered migrations in one transaction and records the schema version in
 * PRAGMA user_version, so a crash half-way leaves the database exactly as it was.
 */
import type Database from 'better-sqlite3'
import { AppErrorException, appError } from '../../../../shared/errors'
import type { Migration } from './migrations'

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Returns the versions it applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
  const current = schemaVersion(db)
  if (current > latest) {
    // Opening it anyway could let an old build corrupt data it doesn't understand.
    throw new AppErrorException(
      appError(
        'internal',
        `This data was written by a newer version of Mistral Desk (schema ${current}; this version knows ${latest}). ` +
          'Update the app to open it.',
      ),
    )
  }
  const pending = migrations.filter((m) => m.version > current).sort((a, b) => a.version - b.version)
  if (pending.length === 0) return []
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql)
      // user_version is part of the database header, so it commits or rolls back with the rest.
      db.pragma(`user_version = ${m.version}`)
    }
  })()
  return pending.map((m) => m.version)
}
