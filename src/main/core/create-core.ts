/**
 * The core's composition root: the one place that knows every concrete service.
 * Hosts (Electron, the browser host, tests) call createCore() and dispatch(), nothing else.
 */
import catalog from '../../../resources/model-catalog.json'
import { ChatService } from './chat/chat-service'
import { DEFAULT_COALESCE_MS } from './chat/delta-coalescer'
import type { StreamTiming } from './chat/reply-stream'
import { StreamRegistry } from './chat/stream-registry'
import { DEFAULT_PERSIST_MS } from './chat/stream-writer'
import { TitleService } from './chat/title-service'
import { ConversationsRepo } from './conversations/conversations-repo'
import { openDatabase } from './kernel/db/database'
import { MessagesRepo } from './conversations/messages-repo'
import { PresetsRepo } from './presets/presets-repo'
import { SearchRepo } from './conversations/search-repo'
import { UsageLedger } from './kernel/usage/usage-ledger'
import type { Handlers } from './dispatch'
import { createHandlers } from './handlers'
import { ConversationService } from './conversations/conversation-service'
import { KeyService } from './kernel/keys/key-service'
import { redactingLogger } from './kernel/keys/redact'
import { MistralClient } from './kernel/mistral/mistral-client'
import type { CorePorts } from './ports'
import { PriceTable } from './kernel/usage/price-table'
import { UsageRecorder } from './kernel/usage/usage-recorder'

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
  const usage = new UsageRecorder(new UsageLedger(db), PriceTable.fromCatalog(options.catalog ?? catalog))
  const transaction = <T>(fn: () => T): T => db.transaction(fn)()

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

  const secretsNow = () => keys.knownKeys()
  const streams = new StreamRegistry({
    client,
    messages,
    conversations,
    usage,
    clock: ports.clock,
    logger,
    transaction,
    secrets: secretsNow,
    timing: { ...DEFAULT_TIMING, ...options.timing },
  })
  const titles = new TitleService({ client, conversations, messages, usage, clock: ports.clock, logger, secrets: secretsNow })
  const chat = new ChatService({
    client,
    messages,
    conversations,
    streams,
    titles,
    clock: ports.clock,
    transaction,
    currentKey: () => keys.currentKey(),
  })
  const history = new ConversationService({
    conversations,
    messages,
    search: new SearchRepo(db),
    transaction,
    isStreaming: (id) => streams.isStreaming(id),
  })

  const handlers = createHandlers({
    keys,
    client,
    conversations,
    history,
    presets: new PresetsRepo(db),
    chat,
    streams,
    clock: ports.clock,
    openExternal: ports.openExternal,
  })
  let closed = false
  return {
    handlers,
    close() {
      if (closed) return
      closed = true
      streams.close()
      titles.close()
      db.close()
    },
  }
}
