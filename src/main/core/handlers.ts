/**
 * Implements every channel of the contract by delegating to the services. Both
 * hosts reach these only through dispatch(); nothing here knows about IPC or sockets.
 */
import { randomUUID } from 'node:crypto'
import { AppErrorException, appError } from '../../shared/errors'
import type { ChatService } from './chat/chat-service'
import type { StreamRegistry } from './chat/stream-registry'
import type { ConversationsRepo } from './conversations/conversations-repo'
import type { PresetsRepo } from './presets/presets-repo'
import type { CallContext, Handlers } from './dispatch'
import type { ConversationService } from './conversations/conversation-service'
import type { KeyService } from './kernel/keys/key-service'
import { NO_KEY_MESSAGE, toAppError } from './kernel/mistral/errors'
import type { MistralClient } from './kernel/mistral/mistral-client'
import type { Clock, CorePorts } from './ports'

export interface HandlerDeps {
  keys: KeyService
  client: MistralClient
  conversations: ConversationsRepo
  history: ConversationService
  presets: PresetsRepo
  chat: ChatService
  streams: StreamRegistry
  clock: Clock
  openExternal: CorePorts['openExternal']
}

const fail = (code: 'not_found' | 'invalid_input', message: string): never => {
  throw new AppErrorException(appError(code, message))
}

const WEB_LINK = new Set(['http:', 'https:'])

export function createHandlers(deps: HandlerDeps): Handlers {
  const { keys, client, conversations, history, presets, chat, streams, clock } = deps

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
    'conversations.search': ({ query }) => history.search(query),
    'conversations.get': ({ id }) => history.view(id),
    'conversations.rename': ({ id, title }) => history.rename(id, title),
    'conversations.delete': ({ id }) => {
      streams.stopConversation(id)
      return { deleted: conversations.delete(id) }
    },
    'conversations.updateSettings': ({ id, settings }) => history.updateSettings(id, settings),

    'messages.selectVersion': ({ id }) => history.selectVersion(id),
    'messages.delete': ({ id }) => history.deleteMessage(id),

    'presets.list': () => presets.list(),
    // With an id it updates that preset; without, it creates one.
    'presets.save': ({ id, ...fields }) =>
      id === undefined
        ? presets.insert(randomUUID(), fields, clock.now())
        : (presets.update(id, fields, clock.now()) ?? fail('not_found', 'This preset no longer exists.')),
    'presets.delete': ({ id }) => ({ deleted: presets.delete(id) }),

    'links.open': async ({ url }) => {
      // Only web links leave the app: file:, javascript: and custom schemes could run
      // something locally. Plain http stays, because GFM autolinks (www.…) produce it.
      if (!WEB_LINK.has(new URL(url).protocol)) fail('invalid_input', 'Only web (http or https) links can be opened.')
      if (!deps.openExternal) return { opened: false }
      return { opened: await deps.openExternal(url) }
    },

    'chat.send': (input, ctx) => chat.send(input, ctx),
    'chat.retry': (input, ctx) => chat.retry(input, ctx),
    'chat.regenerate': (input, ctx) => chat.regenerate(input, ctx),
    'chat.edit': (input, ctx) => chat.edit(input, ctx),
    'chat.continue': (input, ctx) => chat.continue(input, ctx),
    'chat.stop': ({ requestId }) => ({ stopped: streams.stop(requestId) }),
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
