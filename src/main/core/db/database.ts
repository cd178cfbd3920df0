/** Opens (and migrates) the app's one SQLite database. */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrate } from './migrate'
import { migrations as allMigrations, type Migration } from './migrations'

export const DB_FILE = 'mistral-desk.sqlite'

export type Db = Database.Database

export function openDatabase(dataDir: string, migrations: readonly Migration[] = allMigrations): Db {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = new Database(path.join(dataDir, DB_FILE))
  try {
    // WAL lets the UI read while a stream writes; it must be set outside a transaction.
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // Another process (a second window, a backup tool) may hold a lock briefly.
    db.pragma('busy_timeout = 5000')
    migrate(db, migrations)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}
