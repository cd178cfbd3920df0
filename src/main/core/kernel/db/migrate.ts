/**
 * Migrations are numbered per module and recorded in schema_migrations(module,
 * version, name), the way Zed's sqlez keys them by domain: two features built side by
 * side never fight over the next number. Everything pending is applied in one
 * transaction, so a crash half-way leaves the database exactly as it was.
 *
 * Databases from before this (PRAGMA user_version 1 or 2, one global sequence) are
 * adopted: the old versions are recorded as the module migrations they consisted of.
 * user_version then holds PER_MODULE_SCHEMA, which those older builds read as "newer
 * than me" and refuse to open, instead of writing into a schema they don't know.
 */
import type Database from 'better-sqlite3'
import { AppErrorException, appError } from '../../../../shared/errors'

export interface Migration {
  /** 1, 2, 3… within its module. */
  version: number
  name: string
  sql: string
}

/** One module's migrations; only the module that created a table alters it. */
export interface ModuleMigrations {
  module: string
  migrations: readonly Migration[]
}

export interface Applied {
  module: string
  version: number
}

export const PER_MODULE_SCHEMA = 1000

/** What each version of the old global sequence consisted of, in today's modules. */
const LEGACY: Record<number, readonly Applied[]> = {
  1: [
    { module: 'conversations', version: 1 },
    { module: 'usage', version: 1 },
  ],
  2: [
    { module: 'conversations', version: 2 },
    { module: 'presets', version: 1 },
  ],
}
const LEGACY_LATEST = 2

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** The recorded version of each module. */
export function moduleVersions(db: Database.Database): Map<string, number> {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
  if (!exists) return new Map()
  const rows = db.prepare('SELECT module, MAX(version) AS version FROM schema_migrations GROUP BY module').all() as Applied[]
  return new Map(rows.map((r) => [r.module, r.version]))
}

/** Returns the migrations it applied, in order. */
export function migrate(db: Database.Database, schema: readonly ModuleMigrations[], now = Date.now()): Applied[] {
  const current = schemaVersion(db)
  if (current > PER_MODULE_SCHEMA || (current > LEGACY_LATEST && current < PER_MODULE_SCHEMA)) refuseNewer(`schema ${current}`)
  const applied: Applied[] = []
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      module     TEXT NOT NULL,
      version    INTEGER NOT NULL,
      name       TEXT NOT NULL,
      applied_at INTEGER NOT NULL,
      PRIMARY KEY (module, version)
    )`)
    const record = db.prepare('INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)')
    if (current !== PER_MODULE_SCHEMA) adoptLegacy(current, schema, record, now)
    const versions = moduleVersions(db)
    for (const { module, migrations } of schema) {
      const recorded = versions.get(module) ?? 0
      const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
      if (recorded > latest) refuseNewer(`${module} ${recorded}; this version knows ${latest}`)
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (m.version <= recorded) continue
        db.exec(m.sql)
        record.run(module, m.version, m.name, now)
        applied.push({ module, version: m.version })
      }
    }
    // user_version is part of the database header, so it commits or rolls back with the rest.
    if (current !== PER_MODULE_SCHEMA) db.pragma(`user_version = ${PER_MODULE_SCHEMA}`)
  })()
  return applied
}

function adoptLegacy(
  legacyVersion: number,
  schema: readonly ModuleMigrations[],
  record: Database.Statement,
  now: number,
): void {
  for (let v = 1; v <= legacyVersion; v++) {
    for (const { module, version } of LEGACY[v] ?? []) {
      const name = schema.find((s) => s.module === module)?.migrations.find((m) => m.version === version)?.name ?? 'legacy'
      record.run(module, version, name, now)
    }
  }
}

function refuseNewer(detail: string): never {
  // Opening it anyway could let an old build corrupt data it doesn't understand.
  throw new AppErrorException(
    appError(
      'internal',
      `This data was written by a newer version of Mistral Desk (${detail}). Update the app to open it.`,
    ),
  )
}
