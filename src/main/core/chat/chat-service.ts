/**
 * Starting replies: chat.send / edit / regenerate / retry / continue. Rows are written
 * and the StartedReply returned at once; the reply streams in the background (see
 * ReplyStarter). Every request carries the conversation's system prompt and
 * parameters, and the thread from the root to the message being answered.
 */
import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../../shared/contract'
import type { ChatParams, StartedReply } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { ConversationsRepo, StoredConversation } from '../conversations/conversations-repo'
import type { MessagesRepo, StoredMessage } from '../conversations/messages-repo'
import type { CallContext } from '../dispatch'
import type { ChatTurn, MistralClient } from '../kernel/mistral/mistral-client'
import type { Clock } from '../ports'
import { DEFAULT_REPLY_BUDGET, fitToContext } from './context-window'
import { checkOptions, extrasFor, structuredFormat } from './chat-options'
import type { ReplyDetailsRepo } from './reply-details-repo'
import { endsWithUser, requestTurns, titleFrom, type ToolCallsOf } from './request-turns'
import type { ReplyRequest } from './reply-stream'
import type { LiveRequests } from '../kernel/streams/live-requests'
import type { ReplyStarter } from './reply-starter'
import { MessageTree } from '../conversations/message-tree'
import type { TitleService } from './title-service'
import { TurnWriter } from './turns'

export interface ChatServiceDeps {
  client: MistralClient
  messages: MessagesRepo
  conversations: ConversationsRepo
  details: ReplyDetailsRepo
  /** Refuses a second reply in a conversation that is still streaming. */
  live: LiveRequests
  replies: ReplyStarter
  titles: TitleService
  clock: Clock
  /** Runs fn in one SQLite transaction. */
  transaction<T>(fn: () => T): T
  /** The key to call Mistral with right now; throws no_key without one. */
  requireKey(): string
}

/** A finished reply that can be streamed again into its own row. */
const RETRYABLE = new Set(['error', 'stopped', 'interrupted'])
const NO_SETTINGS = { systemPrompt: '', params: {} }

const fail = (code: 'not_found' | 'invalid_input', message: string): never => {
  throw new AppErrorException(appError(code, message))
}

interface Loaded {
  conversation: StoredConversation
  tree: MessageTree<StoredMessage>
}

interface Begin {
  conversationId: string
  messageId: string
  model: string
  apiKey: string
  request: ReplyRequest
  userMessageId: string | null
  /** Name the conversation once this reply completes (its first one). */
  titleAfter: boolean
  /** The tool round limit is reached: send tool_choice "none" so the model answers in text. */
  forceAnswer?: boolean
}

export class ChatService {
  private readonly turns: TurnWriter
  private readonly callsOf: ToolCallsOf

  constructor(private readonly deps: ChatServiceDeps) {
    this.turns = new TurnWriter(deps)
    this.callsOf = (id) => deps.details.toolCalls(id)
  }

  send(input: ParsedInput<'chat.send'>, ctx: CallContext): StartedReply {
    const apiKey = this.deps.requireKey()
    const existing = input.conversationId ? this.load(input.conversationId) : null
    if (existing) this.deps.live.refuseIfStreaming(existing.conversation.id)
    // `settings` is for a new conversation; an existing one keeps its own
    // (conversations.updateSettings changes them).
    const settings = existing?.conversation ?? input.settings ?? NO_SETTINGS
    const parent = existing?.tree.resolveLeaf(existing.conversation.leafId) ?? null
    const path = existing?.tree.pathTo(parent?.id ?? null) ?? []
    const messages = this.fit(
      [...requestTurns(settings.systemPrompt, path, this.callsOf), { role: 'user', content: input.content }],
      apiKey,
      input.model,
      settings.params,
      input.trimToFit,
    )
    if (!existing && input.options) checkOptions(input.options)
    const conversationId = existing?.conversation.id ?? randomUUID()
    const { systemPrompt, params } = settings
    const title = titleFrom(input.content)
    const newConversation = { id: conversationId, title, model: input.model, createdAt: this.deps.clock.now(), systemPrompt, params }
    const { user, reply } = this.turns.userTurn({
      conversationId,
      parentId: parent?.id ?? null,
      content: input.content,
      model: input.model,
      ...(existing ? {} : { newConversation }),
    })
    if (!existing && input.options) this.deps.details.setOptions(conversationId, input.options)
    return this.begin(ctx, {
      conversationId,
      messageId: reply.id,
      model: input.model,
      apiKey,
      request: { messages, params: settings.params },
      userMessageId: user.id,
      titleAfter: !existing,
    })
  }

  /** A new version of a user message beside the old one, and a reply to it. */
  edit(input: ParsedInput<'chat.edit'>, ctx: CallContext): StartedReply {
    const apiKey = this.deps.requireKey()
    const message = this.message(input.messageId)
    if (message.role !== 'user') fail('invalid_input', 'Only a message you sent can be edited.')
    const { conversation, tree } = this.load(message.conversationId)
    this.deps.live.refuseIfStreaming(conversation.id)
    const model = conversation.model
    const messages = this.fit(
      [...requestTurns(conversation.systemPrompt, tree.pathTo(message.parentId), this.callsOf), { role: 'user', content: input.content }],
      apiKey,
      model,
      conversation.params,
      input.trimToFit,
    )
    const { user, reply } = this.turns.userTurn({
      conversationId: conversation.id,
      parentId: message.parentId,
      content: input.content,
      model,
    })
    const request = { messages, params: conversation.params }
    return this.begin(ctx, {
      conversationId: conversation.id,
      messageId: reply.id,
      model,
      apiKey,
      request,
      userMessageId: user.id,
      titleAfter: false,
    })
  }

  /** A new version of a finished reply, beside the earlier ones, possibly from another model. */
  regenerate(input: ParsedInput<'chat.regenerate'>, ctx: CallContext): StartedReply {
    const apiKey = this.deps.requireKey()
    const message = this.reply(input.messageId, 'regenerated')
    const { conversation, tree } = this.load(message.conversationId)
    this.deps.live.refuseIfStreaming(conversation.id)
    const model = input.model ?? message.model ?? conversation.model
    const messages = this.answerable(requestTurns(conversation.systemPrompt, tree.pathTo(message.parentId), this.callsOf))
    const reply = this.turns.replyVersion(conversation.id, message.parentId, model)
    const request = { messages, params: conversation.params }
    return this.begin(ctx, { ...this.replyOnly(conversation.id, reply.id, model, apiKey, request), titleAfter: false })
  }

  /** Re-streams a failed, stopped or interrupted reply into the same row, from the thread before it. */
  retry(input: ParsedInput<'chat.retry'>, ctx: CallContext): StartedReply {
    const apiKey = this.deps.requireKey()
    const message = this.reply(input.messageId, 'retried')
    this.deps.live.refuseIfStreaming(message.conversationId)
    if (!RETRYABLE.has(message.status)) {
      fail('invalid_input', 'This reply finished normally; send a new message or regenerate it.')
    }
    const { conversation, tree } = this.load(message.conversationId)
    const model = message.model ?? conversation.model
    const messages = this.answerable(requestTurns(conversation.systemPrompt, tree.pathTo(message.parentId), this.callsOf))
    this.turns.reopen(message, 'restart', model, tree.latestLeafUnder(message.id)?.id ?? message.id)
    // The failed attempt's thinking, citations and calls go with its text.
    this.deps.details.clear(message.id)
    // A first reply that failed gets the title it missed once it succeeds.
    const titleAfter = conversation.titleSource === 'auto' && conversation.messageCount === 2
    const request = { messages, params: conversation.params }
    return this.begin(ctx, { ...this.replyOnly(conversation.id, message.id, model, apiKey, request), titleAfter })
  }

  /**
   * Continues a reply cut by max_tokens (or stopped) in the same row, with Mistral's
   * prefix mode: the text so far is sent as an assistant prefix and the reply appended.
   */
  continue(input: ParsedInput<'chat.continue'>, ctx: CallContext): StartedReply {
    const apiKey = this.deps.requireKey()
    const message = this.reply(input.messageId, 'continued')
    this.deps.live.refuseIfStreaming(message.conversationId)
    // A stream dropped mid-reply is cut short too: what arrived is kept and can be continued.
    const dropped = message.status === 'error' && message.error?.code === 'network'
    const cut =
      message.finishReason === 'length' || message.status === 'stopped' || message.status === 'interrupted' || dropped
    if (!cut || message.content.length === 0) {
      fail('invalid_input', 'Only a reply cut short (by the max tokens limit, Stop or a dropped connection) can be continued.')
    }
    const { conversation, tree } = this.load(message.conversationId)
    const model = message.model ?? conversation.model
    const messages: ChatTurn[] = [
      ...requestTurns(conversation.systemPrompt, tree.pathTo(message.parentId), this.callsOf),
      { role: 'assistant', content: message.content, prefix: true },
    ]
    this.turns.reopen(message, 'resume', model, tree.latestLeafUnder(message.id)?.id ?? message.id)
    const request = { messages, params: conversation.params, continueFrom: message.content }
    return this.begin(ctx, { ...this.replyOnly(conversation.id, message.id, model, apiKey, request), titleAfter: false })
  }

  /**
   * Answers every tool call of a reply, exactly one result per call id (Mistral rejects
   * anything else), and streams the next reply under it. Past the conversation's round
   * limit the next request forbids tools, so the loop always ends with an answer.
   */
  submitToolResults(input: ParsedInput<'chat.submitToolResults'>, ctx: CallContext): StartedReply {
    const apiKey = this.deps.requireKey()
    const message = this.reply(input.messageId, 'answered')
    this.deps.live.refuseIfStreaming(message.conversationId)
    const calls = this.deps.details.toolCalls(message.id)
    if (calls.length === 0) fail('invalid_input', 'This reply made no tool calls to answer.')
    if (calls.some((c) => c.result !== null)) fail('invalid_input', 'These tool calls were already answered.')
    const given = new Map(input.results.map((r) => [r.callId, r.content]))
    const ids = calls.map((c) => c.id)
    if (given.size !== input.results.length) fail('invalid_input', 'Each tool call takes exactly one result; one was given twice.')
    const missing = ids.filter((id) => !given.has(id))
    const unknown = [...given.keys()].filter((id) => !ids.includes(id))
    if (missing.length > 0 || unknown.length > 0) {
      fail('invalid_input', `Answer every tool call of this reply exactly once (missing: ${missing.join(', ') || 'none'}; not a call of it: ${unknown.join(', ') || 'none'}).`)
    }
    const { conversation, tree } = this.load(message.conversationId)
    const model = message.model ?? conversation.model
    const now = this.deps.clock.now()
    const reply = this.deps.transaction(() => {
      for (const call of calls) this.deps.details.answer(message.id, call.id, given.get(call.id) ?? '', now)
      return this.turns.replyVersion(conversation.id, message.id, model)
    })
    const path = tree.pathTo(message.id)
    const rounds = toolRoundsSinceUser(path, this.callsOf)
    const messages = this.answerable(requestTurns(conversation.systemPrompt, path, this.callsOf))
    const forceAnswer = rounds >= this.deps.details.options(conversation.id).maxToolRounds
    const request = { messages, params: conversation.params }
    return this.begin(ctx, { ...this.replyOnly(conversation.id, reply.id, model, apiKey, request), titleAfter: false, forceAnswer })
  }

  /** A Begin for a reply without a new user message (regenerate, retry, continue). */
  private replyOnly(conversationId: string, messageId: string, model: string, apiKey: string, request: ReplyRequest) {
    return { conversationId, messageId, model, apiKey, request, userMessageId: null }
  }

  private begin(ctx: CallContext, b: Begin): StartedReply {
    const requestId = randomUUID()
    const { conversationId, messageId, model, apiKey } = b
    const options = this.deps.details.options(conversationId)
    const structured = structuredFormat(options)
    this.deps.replies.start({
      target: { requestId, conversationId, messageId, model },
      apiKey,
      request: { ...b.request, extras: extrasFor(options, b.forceAnswer), ...(structured ? { structured } : {}) },
      ctx,
      ...(b.titleAfter
        ? { onComplete: () => void this.deps.titles.generate({ conversationId, replyId: messageId, model, apiKey, ctx }) }
        : {}),
    })
    return { requestId, conversationId, userMessageId: b.userMessageId, assistantMessageId: messageId }
  }

  /** Checks the request against the model's context window (see context-window.ts). */
  private fit(turns: ChatTurn[], apiKey: string, model: string, params: ChatParams, trimToFit: boolean | undefined): ChatTurn[] {
    return fitToContext(turns, {
      model,
      maxContextLength: this.deps.client.cachedModel(apiKey, model)?.maxContextLength ?? null,
      replyBudget: params.maxTokens ?? DEFAULT_REPLY_BUDGET,
      trimToFit: trimToFit ?? false,
    })
  }

  /** Mistral rejects a conversation that does not end with the user; say so before a row is written. */
  private answerable(turns: ChatTurn[]): ChatTurn[] {
    if (!endsWithUser(turns)) fail('invalid_input', 'There is no message before this reply for it to answer.')
    return turns
  }

  private load(conversationId: string): Loaded {
    const conversation = this.deps.conversations.get(conversationId) ?? fail('not_found', 'This conversation no longer exists.')
    return { conversation, tree: new MessageTree(this.deps.messages.listByConversation(conversationId)) }
  }

  private message(id: string): StoredMessage {
    return this.deps.messages.get(id) ?? fail('not_found', 'This message no longer exists.')
  }

  private reply(id: string, verb: string): StoredMessage {
    const message = this.message(id)
    if (message.role !== 'assistant') fail('invalid_input', `Only a reply can be ${verb}.`)
    return message
  }
}

/** Replies with tool calls in a row at the end of the thread, back to the last user message. */
function toolRoundsSinceUser(path: readonly StoredMessage[], callsOf: ToolCallsOf): number {
  let rounds = 0
  for (let i = path.length - 1; i >= 0 && path[i]?.role !== 'user'; i--) {
    if (callsOf(path[i]!.id).length > 0) rounds += 1
  }
  return rounds
}
