/**
 * Names a new conversation after its first reply: one short non-streamed call to the
 * same model. The first-words title stays whenever this fails, and the failure is only
 * logged: a missing title is not worth an error on screen. A title the user gave
 * (title_source 'user') is never replaced, even one given while the call was running.
 */
import { randomUUID } from 'node:crypto'
import { toSummary, type ConversationsRepo } from '../conversations/conversations-repo'
import type { MessagesRepo } from '../conversations/messages-repo'
import type { CallContext } from '../dispatch'
import { toAppError } from '../kernel/mistral/errors'
import type { MistralClient } from '../kernel/mistral/mistral-client'
import type { Clock, Logger } from '../ports'
import { usageFromApi, type UsageRecorder } from '../kernel/usage/usage-recorder'
import { titleFrom } from './request-turns'

export const TITLE_INSTRUCTION = 'Reply with a title of at most 6 words for this conversation, no quotes.'
/** Six words fit easily; a model that rambles is cut short and cleaned up. */
const TITLE_MAX_TOKENS = 24
const TITLE_TIMEOUT_MS = 30_000
/** The start of each message is enough to name it, and keeps the call cheap. */
const EXCERPT_CHARS = 2_000

export interface TitleServiceDeps {
  client: MistralClient
  conversations: ConversationsRepo
  messages: MessagesRepo
  usage: UsageRecorder
  clock: Clock
  logger: Logger
  secrets(): readonly string[]
}

export interface TitleJob {
  conversationId: string
  /** The completed first reply; its parent is the first user message. */
  replyId: string
  model: string
  apiKey: string
  ctx: CallContext
}

/** A model's answer as a title: first line, without quotes, labels, markdown or end punctuation. Null if nothing is left. */
export function cleanTitle(raw: string): string | null {
  const line = raw.split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? ''
  const cleaned = line
    .replace(/^title\s*:\s*/i, '')
    .replace(/^[\s#*_"'`«“‘]+/u, '')
    .replace(/[\s*_"'`»”’.!?,;:…]+$/u, '')
    .replace(/\s+/g, ' ')
  return cleaned ? titleFrom(cleaned) : null
}

export class TitleService {
  private readonly inFlight = new Set<AbortController>()
  private closed = false

  constructor(private readonly deps: TitleServiceDeps) {}

  /** Never rejects. */
  async generate(job: TitleJob): Promise<void> {
    const { conversations, messages, logger } = this.deps
    const controller = new AbortController()
    this.inFlight.add(controller)
    try {
      const reply = messages.get(job.replyId)
      const question = reply?.parentId ? messages.get(reply.parentId) : null
      if (!reply || !question) return
      const transcript = `User: ${question.content.slice(0, EXCERPT_CHARS)}\n\nAssistant: ${reply.content.slice(0, EXCERPT_CHARS)}`
      const { text, usage } = await this.deps.client.complete(
        job.apiKey,
        {
          model: job.model,
          messages: [
            { role: 'system', content: TITLE_INSTRUCTION },
            { role: 'user', content: transcript },
          ],
          params: { maxTokens: TITLE_MAX_TOKENS },
        },
        { signal: controller.signal, timeoutMs: TITLE_TIMEOUT_MS },
      )
      // The core closed while we waited: SQLite is gone.
      if (this.closed) return
      const used = usageFromApi(usage)
      if (used) {
        this.deps.usage.record({
          kind: 'title',
          at: this.deps.clock.now(),
          model: job.model,
          usage: used,
          conversationId: job.conversationId,
          messageId: null,
          requestId: randomUUID(),
        })
      }
      const title = cleanTitle(text)
      if (!title || !conversations.setAutoTitle(job.conversationId, title)) return
      const updated = conversations.get(job.conversationId)
      if (updated) job.ctx.emit('conversations.changed', toSummary(updated))
    } catch (err) {
      if (this.closed) return
      const error = toAppError(err, this.deps.secrets())
      logger.warn('Could not generate a title; keeping the first words', { code: error.code, status: error.status })
    } finally {
      this.inFlight.delete(controller)
    }
  }

  /** Core shutdown: pending title calls are abandoned. */
  close(): void {
    this.closed = true
    for (const controller of this.inFlight) controller.abort()
  }
}
