/**
 * Streamed replies. Chat has no tables of its own: it writes conversations and
 * messages through the conversations module's repositories.
 */
import { ConversationsRepo } from '../conversations/conversations-repo'
import { MessagesRepo } from '../conversations/messages-repo'
import type { FeatureModule } from '../module'
import { ChatService } from './chat-service'
import { DEFAULT_COALESCE_MS } from './delta-coalescer'
import { ReplyStarter } from './reply-starter'
import type { StreamTiming } from './reply-stream'
import { DEFAULT_PERSIST_MS } from './stream-writer'
import { TitleService } from './title-service'

const DEFAULT_TIMING: StreamTiming = {
  coalesceMs: DEFAULT_COALESCE_MS,
  persistMs: DEFAULT_PERSIST_MS,
  // Generous: a long prompt on a large model can take a while to its first token.
  idleTimeoutMs: 120_000,
}

export const chatModule: FeatureModule = {
  name: 'chat',
  migrations: [],
  create(kernel) {
    const { client, clock, logger, usage, live, transaction, secrets } = kernel
    const conversations = new ConversationsRepo(kernel.db)
    const messages = new MessagesRepo(kernel.db)

    // Replies that were streaming when the last process died keep their partial text.
    const recovered = messages.markStreamingInterrupted(clock.now())
    if (recovered > 0) logger.warn('Marked replies left streaming as interrupted', { count: recovered })

    const replies = new ReplyStarter(live, {
      client,
      messages,
      conversations,
      usage,
      clock,
      logger,
      transaction,
      secrets,
      timing: { ...DEFAULT_TIMING, ...kernel.options.timing },
    })
    const titles = new TitleService({ client, conversations, messages, usage, clock, logger, secrets })
    const chat = new ChatService({
      client,
      messages,
      conversations,
      live,
      replies,
      titles,
      clock,
      transaction,
      requireKey: () => kernel.keys.requireKey(),
    })
    // A hard-stop budget refuses a reply before anything is written (usage/budget-service.ts).
    // Retry, edit and continue name no model here: model-scoped budgets then match by none.
    const spend = (model = '') => usage.checkSpend({ kind: 'chat', model })
    return {
      handlers: {
        'chat.send': (input, ctx) => (spend(input.model), chat.send(input, ctx)),
        'chat.retry': (input, ctx) => (spend(), chat.retry(input, ctx)),
        'chat.regenerate': (input, ctx) => (spend(input.model), chat.regenerate(input, ctx)),
        'chat.edit': (input, ctx) => (spend(), chat.edit(input, ctx)),
        'chat.continue': (input, ctx) => (spend(), chat.continue(input, ctx)),
        'chat.stop': ({ requestId }) => ({ stopped: live.stop(requestId) }),
      },
      close: () => titles.close(),
    }
  },
}
