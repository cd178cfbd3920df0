/** Opens (and migrates) the app's one SQLite database. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrate, type ModuleMigrations } from './migrate'

export const DB_FILE = 'mistral-desk.sqlite'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  /** The migrations of every module, in the order they first run (see core/schema.ts for the app's). */
  schema: readonly ModuleMigrations[]
  /** A better_sqlite3.node built for this runtime's ABI; see CorePorts.sqliteNativeBinding. */
  nativeBinding?: string
}

export function openDatabase(dataDir: string, options: OpenDatabaseOptions): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = connect(path.join(dataDir, DB_FILE), options.nativeBinding)
  try {
    // WAL lets the UI read while a stream writes; it must be set outside a transaction.
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // Another process (a second window, a backup tool) may hold a lock briefly.
    db.pragma('busy_timeout = 5000')
    migrate(db, options.schema)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

function connect(file: string, nativeBinding: string | undefined): Db {
  if (nativeBinding === undefined) return new Database(file)
  try {
    return new Database(file, { nativeBinding })
  } catch (err) {
    // Failing to open the file is a SqliteError; anything else here is require() refusing
    // the addon (missing, or built for another ABI). Say so: Node's message alone reads
    // like a broken install rather than a binding path that needs fixing.
    if (err instanceof Database.SqliteError) throw err
    const reason = err instanceof Error ? err.message : String(err)
    throw new Error(`Could not load SQLite's native module from ${nativeBinding}: ${reason}`, { cause: err })
  }
}
