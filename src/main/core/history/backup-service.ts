/**
 * Full-database backups through SQLite's online backup API (consistent while the app keeps
 * writing), on demand and daily (the last 7 daily ones kept), in <data dir>/backups.
 * Restore copies a backup back into the live database with the same API, after a backup
 * of the current state. The start-up check runs PRAGMA quick_check and, when the store is
 * damaged, keeps the damaged file aside and restores the newest backup.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BackupInfo, StoreHealth } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import { DB_FILE, type Db } from '../kernel/db/database'

export const BACKUP_DIR = 'backups'
export const DAILY_KEEP = 7
const DAY_MS = 24 * 60 * 60 * 1000
/** kind-yyyymmddThhmmss.sqlite; the kind says which ones the daily pruning may remove. */
const NAME = /^(daily|manual|before-restore)-(\d{8}T\d{6}\d{3})\.sqlite$/

const stamp = (t: number) => new Date(t).toISOString().replace(/[-:.Z]/g, '')
const parseStamp = (s: string) =>
  Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13), +s.slice(13, 15), +s.slice(15, 18))

const fail = (message: string): never => {
  throw new AppErrorException(appError('invalid_input', message))
}

export class BackupService {
  readonly dir: string

  constructor(
    private readonly db: Db,
    private readonly dataDir: string,
    private readonly now: () => number,
    /** Stops live streams before a restore replaces the rows under them. */
    private readonly interruptLive: () => void,
  ) {
    this.dir = path.join(dataDir, BACKUP_DIR)
  }

  list(): BackupInfo[] {
    if (!fs.existsSync(this.dir)) return []
    return fs
      .readdirSync(this.dir)
      .flatMap((fileName) => {
        const m = NAME.exec(fileName)
        return m?.[2] ? [{ fileName, createdAt: parseStamp(m[2]), bytes: fs.statSync(path.join(this.dir, fileName)).size }] : []
      })
      .sort((a, b) => b.createdAt - a.createdAt)
  }

  async backup(kind: 'daily' | 'manual' | 'before-restore' = 'manual'): Promise<BackupInfo> {
    fs.mkdirSync(this.dir, { recursive: true })
    // Never over an existing backup (two in the same millisecond): the next free millisecond.
    let at = this.now()
    while (fs.existsSync(path.join(this.dir, `${kind}-${stamp(at)}.sqlite`))) at++
    const fileName = `${kind}-${stamp(at)}.sqlite`
    const target = path.join(this.dir, fileName)
    const partial = `${target}.partial`
    // Written under another name first: a crash mid-copy never leaves a backup that looks whole.
    await this.db.backup(partial)
    fs.renameSync(partial, target)
    if (kind === 'daily') this.pruneDaily()
    return { fileName, createdAt: at, bytes: fs.statSync(target).size }
  }

  /** The daily backup, when the newest one is a day old or there is none. */
  async dailyIfDue(): Promise<BackupInfo | null> {
    const newest = this.list().find((b) => b.fileName.startsWith('daily-'))
    if (newest && this.now() - newest.createdAt < DAY_MS) return null
    return this.backup('daily')
  }

  async restore(fileName: string): Promise<{ restored: BackupInfo; safetyBackup: BackupInfo }> {
    const source = this.list().find((b) => b.fileName === fileName) ?? fail('That backup is not in the backups folder any more.')
    this.checkUsable(path.join(this.dir, source.fileName))
    this.interruptLive()
    const safetyBackup = await this.backup('before-restore')
    await this.copyInto(path.join(this.dir, source.fileName))
    return { restored: source, safetyBackup }
  }

  /** PRAGMA quick_check; when damaged, the damaged file is kept aside and the newest good backup restored. */
  checkAtStartup(): Promise<StoreHealth> {
    // Synchronous when healthy: nothing is left running when the core closes right after.
    const problem = this.quickCheck(this.db)
    if (problem === null) return Promise.resolve({ ok: true, recovered: null, unrecoverable: null })
    return this.recover(problem)
  }

  private async recover(problem: string): Promise<StoreHealth> {
    const damagedFile = path.join(this.dir, `damaged-${stamp(this.now())}.sqlite`)
    fs.mkdirSync(this.dir, { recursive: true })
    fs.copyFileSync(path.join(this.dataDir, DB_FILE), damagedFile)
    for (const candidate of this.list().filter((b) => !b.fileName.startsWith('before-restore'))) {
      const file = path.join(this.dir, candidate.fileName)
      try {
        this.checkUsable(file)
      } catch {
        continue
      }
      await this.copyInto(file)
      return { ok: false, recovered: { backup: candidate, damagedFile, problem }, unrecoverable: null }
    }
    return { ok: false, recovered: null, unrecoverable: `The database is damaged (${problem}) and there is no good backup to restore. A copy was kept at ${damagedFile}.` }
  }

  private async copyInto(file: string): Promise<void> {
    const source = new Database(file, { readonly: true, fileMustExist: true })
    try {
      await source.backup(path.join(this.dataDir, DB_FILE))
    } finally {
      source.close()
    }
  }

  /** A backup is usable when it passes quick_check and has the schema this version runs. */
  private checkUsable(file: string): void {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      const problem = this.quickCheck(db)
      if (problem) fail(`That backup is damaged too (${problem}).`)
      const versions = (db: Db) => JSON.stringify(db.prepare('SELECT module, MAX(version) AS v FROM schema_migrations GROUP BY module ORDER BY module').all())
      if (versions(db) !== versions(this.db)) fail('That backup was made by another version of the app; restore it with that version.')
    } finally {
      db.close()
    }
  }

  private quickCheck(db: Db): string | null {
    try {
      const rows = db.pragma('quick_check') as { quick_check: string }[]
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
      return problems.length === 0 ? null : problems.slice(0, 3).join('; ')
    } catch (err) {
      return err instanceof Error ? err.message : String(err)
    }
  }

  private pruneDaily(): void {
    const daily = this.list().filter((b) => b.fileName.startsWith('daily-'))
    for (const old of daily.slice(DAILY_KEEP)) fs.rmSync(path.join(this.dir, old.fileName), { force: true })
  }
}
