/** The usage ledger's tables belong to the kernel, which records every billed call for every feature. */
import type { ModuleMigrations } from '../db/migrate'
import * as m001 from './migrations/001-usage-ledger'
import * as m002 from './migrations/002-ledger-units-prices'
import * as m003 from './migrations/003-price-overrides'

export const usageSchema: ModuleMigrations = { module: 'usage', migrations: [m001, m002, m003] }
