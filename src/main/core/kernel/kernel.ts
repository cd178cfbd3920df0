/**
 * What every feature module shares: the database, the Mistral client, the key, the
 * usage recorder, the live requests, the file store, the clock and a redacting logger.
 * A plain object built once by createKernel(); modules take what they need from it.
 */
import path from 'node:path'
import catalog from '../../../../resources/model-catalog.json'
import type { CorePorts, Clock, Logger } from '../ports'
import { openDatabase, type Db } from './db/database'
import type { ModuleMigrations } from './db/migrate'
import { FileStore } from './files/file-store'
import { KeyService } from './keys/key-service'
import { redactingLogger } from './keys/redact'
import { MistralClient } from './mistral/mistral-client'
import { LiveRequests } from './streams/live-requests'
import { PriceOverrides } from './usage/price-overrides'
import { PriceTable } from './usage/price-table'
import { UsageLedger } from './usage/usage-ledger'
import { UsageRecorder } from './usage/usage-recorder'

/** Knobs for tests; hosts leave them at their defaults. */
export interface CoreOptions {
  /** Stream timing (coalescing, persistence, idle timeout) in ms; see chat/reply-stream.ts. */
  timing?: Partial<{ coalesceMs: number; persistMs: number; idleTimeoutMs: number }>
  /** Model catalog data for prices; defaults to resources/model-catalog.json. */
  catalog?: unknown
}

export interface Kernel {
  db: Db
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T
  clock: Clock
  /** The host's logger behind redaction of every key the session knows. */
  logger: Logger
  client: MistralClient
  keys: KeyService
  usage: UsageRecorder
  live: LiveRequests
  files: FileStore
  /** Every key this session knows, for redacting what leaves the core. */
  secrets(): readonly string[]
  ports: CorePorts
  options: CoreOptions
  /** Closes SQLite; live requests must have been closed (saved) before. */
  close(): void
}

export function createKernel(ports: CorePorts, schema: readonly ModuleMigrations[], options: CoreOptions = {}): Kernel {
  const db = openDatabase(ports.dataDir, { schema, nativeBinding: ports.sqliteNativeBinding })
  const client = new MistralClient({ serverURL: ports.serverURL })
  const keys = new KeyService({
    cipher: ports.cipher,
    settings: ports.settings,
    envApiKey: ports.envApiKey,
    validate: (key) => client.listModels(key, { refresh: true }),
    onKeyReplaced: (oldKey) => client.forget(oldKey),
    // The key service logs fixed sentences only; key-shaped text is still masked. It
    // cannot use the logger below, which asks it for the keys it is still loading.
    logger: redactingLogger(ports.logger, () => []),
  })
  const secrets = () => keys.knownKeys()
  const live = new LiveRequests()
  return {
    db,
    transaction: (fn) => db.transaction(fn)(),
    clock: ports.clock,
    logger: redactingLogger(ports.logger, secrets),
    client,
    keys,
    usage: new UsageRecorder({
      ledger: new UsageLedger(db),
      prices: PriceTable.fromCatalog(options.catalog ?? catalog),
      overrides: new PriceOverrides(db),
      keyLast4: () => keys.status().last4,
      logger: redactingLogger(ports.logger, secrets),
    }),
    live,
    files: new FileStore(path.join(ports.dataDir, 'files')),
    secrets,
    ports,
    options,
    close: () => db.close(),
  }
}
