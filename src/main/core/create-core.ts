/**
 * The core's composition root: the one place that knows every concrete service.
 * Hosts (Electron, the browser host, tests) call createCore() and dispatch(), nothing else.
 */
import catalog from '../../../resources/model-catalog.json'
import { ChatService } from './chat/chat-service'
import { DEFAULT_COALESCE_MS } from './chat/delta-coalescer'
import type { StreamTiming } from './chat/reply-stream'
import { DEFAULT_PERSIST_MS } from './chat/stream-writer'
import { ConversationsRepo } from './db/conversations-repo'
import { openDatabase } from './db/database'
import { MessagesRepo } from './db/messages-repo'
import { UsageLedger } from './db/usage-ledger'
import type { Handlers } from './dispatch'
import { createHandlers } from './handlers'
import { KeyService } from './keys/key-service'
import { redactingLogger } from './keys/redact'
import { MistralClient } from './mistral/mistral-client'
import type { CorePorts } from './ports'
import { PriceTable } from './usage/price-table'

export interface Core {
  handlers: Handlers
  /** Saves live replies as `interrupted`, aborts their requests and closes SQLite. Idempotent. */
  close(): void
}

/** Knobs for tests; hosts leave them at their defaults. */
export interface CoreOptions {
  timing?: Partial<StreamTiming>
  /** Model catalog data for prices; defaults to resources/model-catalog.json. */
  catalog?: unknown
}

const DEFAULT_TIMING: StreamTiming = {
  coalesceMs: DEFAULT_COALESCE_MS,
  persistMs: DEFAULT_PERSIST_MS,
  // Generous: a long prompt on a large model can take a while to its first token.
  idleTimeoutMs: 120_000,
}

export function createCore(ports: CorePorts, options: CoreOptions = {}): Core {
  const db = openDatabase(ports.dataDir, { nativeBinding: ports.sqliteNativeBinding })
  const conversations = new ConversationsRepo(db)
  const messages = new MessagesRepo(db)
  const ledger = new UsageLedger(db)

  // Replies that were streaming when the last process died keep their partial text.
  const recovered = messages.markStreamingInterrupted(ports.clock.now())

  const client = new MistralClient({ serverURL: ports.serverURL })
  // The logger must exist before the key service (which may log while loading the
  // stored key), yet redact that service's keys: so it reads them through a late binding.
  let secrets = (): readonly string[] => []
  const logger = redactingLogger(ports.logger, () => secrets())
  const keys = new KeyService({
    cipher: ports.cipher,
    settings: ports.settings,
    envApiKey: ports.envApiKey,
    validate: (key) => client.listModels(key, { refresh: true }),
    onKeyReplaced: (oldKey) => client.forget(oldKey),
    logger,
  })
  secrets = () => keys.knownKeys()
  if (recovered > 0) logger.warn('Marked replies left streaming as interrupted', { count: recovered })

  const chat = new ChatService({
    client,
    messages,
    conversations,
    ledger,
    prices: PriceTable.fromCatalog(options.catalog ?? catalog),
    clock: ports.clock,
    logger,
    transaction: (fn) => db.transaction(fn)(),
    secrets: () => keys.knownKeys(),
    currentKey: () => keys.currentKey(),
    timing: { ...DEFAULT_TIMING, ...options.timing },
  })

  const handlers = createHandlers({ keys, client, conversations, messages, chat })
  let closed = false
  return {
    handlers,
    close() {
      if (closed) return
      closed = true
      chat.close()
      db.close()
    },
  }
}
