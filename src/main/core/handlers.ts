/**
 * Implements every channel of the contract by delegating to the services. Both
 * hosts reach these only through dispatch(); nothing here knows about IPC or sockets.
 */
import type { Message } from '../../shared/domain'
import { AppErrorException, appError } from '../../shared/errors'
import type { ChatService } from './chat/chat-service'
import type { ConversationsRepo } from './db/conversations-repo'
import type { MessagesRepo, StoredMessage } from './db/messages-repo'
import type { CallContext, Handlers } from './dispatch'
import type { KeyService } from './keys/key-service'
import { NO_KEY_MESSAGE, toAppError } from './mistral/errors'
import type { MistralClient } from './mistral/mistral-client'

export interface HandlerDeps {
  keys: KeyService
  client: MistralClient
  conversations: ConversationsRepo
  messages: MessagesRepo
  chat: ChatService
}

const notFound = (): never => {
  throw new AppErrorException(appError('not_found', 'This conversation no longer exists.'))
}

/** seq is storage detail; the contract's Message does not carry it. */
const toMessage = ({ seq: _seq, ...message }: StoredMessage): Message => message

export function createHandlers(deps: HandlerDeps): Handlers {
  const { keys, client, conversations, messages, chat } = deps

  const handlers: Handlers = {
    'keys.status': () => keys.status(),
    'keys.set': (input) => keys.set(input),
    'keys.delete': () => keys.delete(),

    'models.list': (input) => {
      const key = keys.currentKey()
      if (!key) throw new AppErrorException(appError('no_key', NO_KEY_MESSAGE))
      return client.listModels(key, { refresh: input.refresh ?? false })
    },

    'conversations.list': () => conversations.list(),
    'conversations.get': ({ id }) => {
      const summary = conversations.get(id) ?? notFound()
      return { ...summary, messages: messages.listByConversation(id).map(toMessage) }
    },
    'conversations.rename': ({ id, title }) => {
      if (!conversations.rename(id, title)) notFound()
      return conversations.get(id) ?? notFound()
    },
    'conversations.delete': ({ id }) => {
      chat.stopConversation(id)
      return { deleted: conversations.delete(id) }
    },

    'chat.send': (input, ctx) => chat.send(input, ctx),
    'chat.retry': (input, ctx) => chat.retry(input, ctx),
    'chat.stop': (input) => chat.stop(input),
  }
  return withKeyRedaction(handlers, () => keys.knownKeys())
}

/**
 * dispatch() maps failures without knowing the key; mapping here first means even an
 * API message that echoed the exact key (whatever its shape) is redacted.
 */
function withKeyRedaction(handlers: Handlers, secrets: () => readonly string[]): Handlers {
  const wrapped: Record<string, (input: unknown, ctx: CallContext) => Promise<unknown>> = {}
  for (const [name, handler] of Object.entries(handlers)) {
    // Each handler keeps its own signature; the loop only adds a catch around it.
    const run = handler as (input: unknown, ctx: CallContext) => unknown
    wrapped[name] = async (input, ctx) => {
      try {
        return await run(input, ctx)
      } catch (err) {
        throw err instanceof AppErrorException ? err : new AppErrorException(toAppError(err, secrets()))
      }
    }
  }
  return wrapped as unknown as Handlers
}
