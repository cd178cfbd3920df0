/**
 * Streamed replies. Conversations and messages are written through the conversations
 * module's repositories; what a reply holds beyond its text (thinking, citations, tool
 * calls, structured checks) and a conversation's tools live in chat's own tables.
 */
import * as m001 from './migrations/001-reply-details'
import { ConversationsRepo } from '../conversations/conversations-repo'
import { MessagesRepo } from '../conversations/messages-repo'
import { DEFAULT_RETRY_POLICY } from '../kernel/mistral/retry-policy'
import type { FeatureModule } from '../module'
import { checkOptions, schemaProblem } from './chat-options'
import { ChatService } from './chat-service'
import { ReplyDetailsRepo } from './reply-details-repo'
import { detailsOf, requireConversation } from './reply-details'
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
  migrations: [m001],
  create(kernel) {
    const { client, clock, logger, usage, live, transaction, secrets } = kernel
    const conversations = new ConversationsRepo(kernel.db)
    const messages = new MessagesRepo(kernel.db)
    const details = new ReplyDetailsRepo(kernel.db)

    // Replies that were streaming when the last process died keep their partial text.
    const recovered = messages.markStreamingInterrupted(clock.now())
    if (recovered > 0) logger.warn('Marked replies left streaming as interrupted', { count: recovered })

    const replies = new ReplyStarter(live, {
      client,
      messages,
      conversations,
      details,
      usage,
      clock,
      logger,
      transaction,
      secrets,
      timing: { ...DEFAULT_TIMING, ...kernel.options.timing },
      retry: { ...DEFAULT_RETRY_POLICY, ...kernel.options.retry },
    })
    const titles = new TitleService({ client, conversations, messages, usage, clock, logger, secrets })
    const chat = new ChatService({
      client,
      messages,
      conversations,
      details,
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
        'chat.submitToolResults': (input, ctx) => chat.submitToolResults(input, ctx),
        'chat.details': ({ conversationId }) => detailsOf(details, messages, conversationId),
        'chat.checkSchema': ({ schema }) => ({ problem: schemaProblem(schema) }),
        'chat.getOptions': ({ conversationId }) => details.options(requireConversation(conversations, conversationId)),
        'chat.setOptions': ({ conversationId, options }) => {
          details.setOptions(requireConversation(conversations, conversationId), checkOptions(options))
          return options
        },
      },
      close: () => titles.close(),
    }
  },
}
