/** Backups through SQLite's backup API, restore with a safety backup, pruning, and recovery from a damaged file. */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../shared/errors'
import { HistoryFixture } from '../conversations/testing/history-fixture'
import { DB_FILE } from '../kernel/db/database'
import { openAppDatabase } from '../schema'
import { BackupService, DAILY_KEEP } from './backup-service'

let f: HistoryFixture
let backups: BackupService
let interrupted = 0
beforeEach(() => {
  f = new HistoryFixture()
  f.now = Date.UTC(2026, 0, 10, 8)
  interrupted = 0
  backups = new BackupService(f.db, f.dataDir, () => f.now, () => interrupted++)
})
afterEach(() => f.close())

const titles = () => f.history.page({ archived: 'include' }).items.map((c) => c.id).sort()

describe('backups', () => {
  it('restores a backup into the live database after backing up the current state', async () => {
    f.conversation('kept', ['before the backup'])
    const backup = await backups.backup()
    expect(backup).toMatchObject({ fileName: 'manual-20260110T080000000.sqlite', createdAt: f.now })
    f.now += 1000
    f.conversation('later', ['after the backup'])
    const { restored, safetyBackup } = await backups.restore(backup.fileName)
    expect(restored.fileName).toBe(backup.fileName)
    expect(safetyBackup.fileName).toMatch(/^before-restore-/)
    expect(interrupted).toBe(1)
    // The same connection and its prepared statements see the restored rows.
    expect(titles()).toEqual(['kept'])
    expect(f.history.searchMessages('after').groups).toEqual([])
    // Nothing is lost: the state before the restore is itself a backup.
    await backups.restore(safetyBackup.fileName)
    expect(titles()).toEqual(['kept', 'later'])
  })

  it('refuses an unknown backup with a clear message', async () => {
    await expect(backups.restore('manual-19990101T000000000.sqlite')).rejects.toThrow(/not in the backups folder/)
  })

  it('makes a daily backup once a day and keeps the last seven', async () => {
    for (let day = 0; day < DAILY_KEEP + 2; day++) {
      expect(await backups.dailyIfDue()).not.toBeNull()
      expect(await backups.dailyIfDue()).toBeNull()
      f.now += 24 * 60 * 60 * 1000
    }
    await backups.backup('manual')
    const names = backups.list().map((b) => b.fileName)
    expect(names.filter((n) => n.startsWith('daily-'))).toHaveLength(DAILY_KEEP)
    expect(names[0]).toMatch(/^manual-/)
    expect(names.at(-1)).toBe('daily-20260112T080000000.sqlite')
  })
})

describe('the start-up check', () => {
  it('says the store is healthy', async () => {
    expect(await backups.checkAtStartup()).toEqual({ ok: true, recovered: null, unrecoverable: null })
  })

  it('keeps a damaged database aside and restores the newest backup, saying which', async () => {
    f.conversation('safe', ['in the backup'])
    const backup = await backups.backup()
    for (let i = 0; i < 300; i++) f.conversation(`c${i}`, ['x'.repeat(2000)], 10 + i)
    f.db.pragma('wal_checkpoint(TRUNCATE)')
    f.db.close()
    // Scribble over pages in the middle of the file, as a failing disk would.
    const file = path.join(f.dataDir, DB_FILE)
    const fd = fs.openSync(file, 'r+')
    const size = fs.fstatSync(fd).size
    fs.writeSync(fd, Buffer.alloc(16 * 4096, 0x5a), 0, 16 * 4096, Math.floor(size / 2 / 4096) * 4096)
    fs.closeSync(fd)

    const reopened = openAppDatabase(f.dataDir)
    try {
      const health = await new BackupService(reopened, f.dataDir, () => f.now, () => {}).checkAtStartup()
      expect(health).toMatchObject({ ok: false, unrecoverable: null, recovered: { backup: { fileName: backup.fileName } } })
      expect(fs.existsSync(health.recovered?.damagedFile ?? '')).toBe(true)
      expect(reopened.pragma('quick_check', { simple: true })).toBe('ok')
      expect(reopened.prepare('SELECT id FROM conversations').all()).toEqual([{ id: 'safe' }])
    } finally {
      reopened.close()
      // The fixture closes its own connection; give it a fresh one to close.
      ;(f as unknown as { db: unknown }).db = openAppDatabase(f.dataDir)
    }
  })

  it('says plainly when there is no backup to restore', async () => {
    const service = new BackupService(f.db, f.dataDir, () => f.now, () => {})
    ;(service as unknown as { quickCheck: () => string }).quickCheck = () => 'page 7 is never used'
    const health = await service.checkAtStartup()
    expect(health.unrecoverable).toMatch(/damaged \(page 7 is never used\) and there is no good backup/)
    expect(health.recovered).toBeNull()
  })
})

it('backup errors are AppErrors', async () => {
  const err = await backups.restore('nope').catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AppErrorException)
})
