/** The usage ledger's tables belong to the kernel, which records every billed call for every feature. */
import type { ModuleMigrations } from '../db/migrate'
import * as m001 from './migrations/001-usage-ledger'

export const usageSchema: ModuleMigrations = { module: 'usage', migrations: [m001] }
