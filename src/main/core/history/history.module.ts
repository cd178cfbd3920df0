/** History in and out: export and import. It owns no tables; it reads and writes the conversations module's. */
import type { FeatureModule } from '../module'
import { ExportService } from './export-service'
import { HistoryTables } from './history-tables'
import { ImportService } from './import-service'

export const historyModule: FeatureModule = {
  name: 'history',
  migrations: [],
  create(kernel) {
    const tables = new HistoryTables(kernel.db)
    const exporter = new ExportService(tables, () => kernel.clock.now())
    const importer = new ImportService(kernel.db, tables)
    return {
      handlers: {
        'history.export': ({ ids, format }) => exporter.export(ids, format),
        'history.previewImport': (file) => importer.preview(file),
        'history.import': (file) => importer.import(file),
      },
    }
  },
}
