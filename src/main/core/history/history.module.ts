/**
 * History in and out: export, import, backups and the start-up check. It owns no tables;
 * it reads and writes the conversations module's.
 */
import type { FeatureModule } from '../module'
import { BackupService } from './backup-service'
import { ExportService } from './export-service'
import { HistoryTables } from './history-tables'
import { ImportService } from './import-service'

const DAILY_BACKUP_DELAY_MS = 60_000

export const historyModule: FeatureModule = {
  name: 'history',
  migrations: [],
  create(kernel) {
    const tables = new HistoryTables(kernel.db)
    const exporter = new ExportService(tables, () => kernel.clock.now())
    const importer = new ImportService(kernel.db, tables)
    const backups = new BackupService(kernel.db, kernel.ports.dataDir, () => kernel.clock.now(), () => kernel.live.close())
    // The check runs first; the daily backup only after it, and a minute into the session,
    // so start-up stays fast and a damaged file is never backed up over a good one.
    const health = backups.checkAtStartup()
    let daily: ReturnType<typeof setTimeout> | undefined
    void health.then((h) => {
      if (h.recovered) kernel.logger.warn(`Database was damaged (${h.recovered.problem}); restored the backup ${h.recovered.backup.fileName}.`)
      if (h.unrecoverable) kernel.logger.error(h.unrecoverable)
      if (!h.ok && !h.recovered) return
      daily = setTimeout(() => {
        backups.dailyIfDue().catch((err: unknown) => kernel.logger.error(`Daily backup failed: ${err instanceof Error ? err.message : String(err)}`))
      }, DAILY_BACKUP_DELAY_MS)
      daily.unref?.()
    })
    return {
      handlers: {
        'history.export': ({ ids, format }) => exporter.export(ids, format),
        'history.previewImport': (file) => importer.preview(file),
        'history.import': (file) => importer.import(file),
        'history.backupNow': () => backups.backup('manual'),
        'history.listBackups': () => backups.list(),
        'history.restoreBackup': ({ fileName }) => backups.restore(fileName),
        'history.health': () => health,
      },
      close: () => clearTimeout(daily),
    }
  },
}
