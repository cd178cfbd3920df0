/**
 * The app's database schema: the kernel's tables first, then each feature module's,
 * in the order of core/modules.ts.
 */
import { openDatabase, type Db, type OpenDatabaseOptions } from './kernel/db/database'
import type { ModuleMigrations } from './kernel/db/migrate'
import { usageSchema } from './kernel/usage/usage.schema'
import type { FeatureModule } from './module'
import { modules as allModules } from './modules'

export function appSchema(modules: readonly FeatureModule[] = allModules): ModuleMigrations[] {
  return [usageSchema, ...modules.map((m) => ({ module: m.name, migrations: m.migrations }))]
}

/** Opens the app's database with every migration applied (tests, seeds and benches use this too). */
export function openAppDatabase(dataDir: string, options: Omit<OpenDatabaseOptions, 'schema'> = {}): Db {
  return openDatabase(dataDir, { ...options, schema: appSchema() })
}

/** The newest version of every module's schema: what a fully migrated database records. */
export function latestVersions(): Map<string, number> {
  return new Map(
    appSchema()
      .filter((s) => s.migrations.length > 0)
      .map((s) => [s.module, Math.max(...s.migrations.map((m) => m.version))]),
  )
}
