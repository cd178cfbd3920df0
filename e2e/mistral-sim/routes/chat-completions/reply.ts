// POST /v1/chat/completions: the JSON reply and the data-only SSE stream.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { SimConfig } from '../../config'
import type { StreamFault } from '../../faults'
import { hexId, sendJson, sleep, write } from '../../http'
import { contentText, estimateTokens, parseDirective, replyTokens } from './reply-text'
import type { ChatRequest } from './rules'

export interface Usage {
  prompt_tokens: number
  completion_tokens: number
  total_tokens: number
}

export interface ReplyPlan {
  tokens: string[]
  finishReason: 'stop' | 'length'
  usage: Usage
  /** Tokens per second; 0 means as fast as possible. */
  rate: number
}

export function planReply(request: ChatRequest, settings: Pick<SimConfig, 'tokensPerSecond' | 'replyTokens'>): ReplyPlan {
  const { messages } = request
  const lastUser = [...messages].reverse().find((m) => m.role === 'user')
  const lastUserText = contentText(lastUser?.content)
  const directive = parseDirective(lastUserText)
  const cap = typeof request.max_tokens === 'number' ? request.max_tokens : Infinity
  const last = messages[messages.length - 1]
  const prefix = last?.role === 'assistant' && last.prefix === true ? contentText(last.content) : undefined

  // Seeded by the conversation (and random_seed) only, so streaming and non-streaming agree.
  const seed = JSON.stringify([request.random_seed ?? null, messages.map((m) => [m.role, contentText(m.content)])])
  const planned = replyTokens({
    lastUserText,
    seed,
    tokens: directive.tokens ?? settings.replyTokens,
    prefix,
    reply: directive.reply,
  })
  const tokens = planned.slice(0, cap)
  const promptTokens = Math.max(1, estimateTokens(messages.map((m) => contentText(m.content)).join('')))
  return {
    tokens,
    finishReason: cap < planned.length ? 'length' : 'stop',
    usage: { prompt_tokens: promptTokens, completion_tokens: tokens.length, total_tokens: promptTokens + tokens.length },
    rate: directive.rate ?? settings.tokensPerSecond,
  }
}

export async function sendCompletion(
  res: ServerResponse,
  request: ChatRequest,
  plan: ReplyPlan,
  headers: OutgoingHttpHeaders,
  fault: StreamFault | undefined,
): Promise<void> {
  const signal = abortOnClose(res)
  const delay = fault?.kind === 'slow-first-token' ? fault.delayMs : 0
  // Generation takes time whether or not it is streamed.
  await sleep(delay + (plan.rate > 0 ? (plan.tokens.length / plan.rate) * 1000 : 0), signal)
  if (signal.aborted) return
  sendJson(res, 200, completionBody(request, plan), headers)
}

/** The non-streamed response body; batch jobs build their results with it too. */
export function completionBody(request: ChatRequest, plan: ReplyPlan) {
  return {
    id: hexId(),
    object: 'chat.completion',
    created: nowSeconds(),
    model: request.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: plan.tokens.join(''), tool_calls: null, prefix: false },
        finish_reason: plan.finishReason,
      },
    ],
    usage: plan.usage,
  }
}

/** Writes per event loop turn when there is no rate to keep; large enough to be fast, small enough to yield. */
const BATCH = 256

export async function streamCompletion(
  res: ServerResponse,
  request: ChatRequest,
  plan: ReplyPlan,
  headers: OutgoingHttpHeaders,
  fault: StreamFault | undefined,
): Promise<void> {
  const signal = abortOnClose(res)
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  })
  res.flushHeaders()

  const base = { id: hexId(), object: 'chat.completion.chunk', created: nowSeconds(), model: request.model }
  const event = (delta: object, finishReason: string | null, usage?: Usage) =>
    // `usage` is left out, not null, on all but the last chunk: the SDK rejects `usage: null`.
    `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason }], ...(usage ? { usage } : {}) })}\n\n`

  // One event per token; the last token carries finish_reason and usage.
  const tokens = plan.tokens.length > 0 ? plan.tokens : ['']
  const events = tokens.map((content, i) =>
    i === tokens.length - 1 ? event({ content }, plan.finishReason, plan.usage) : event({ content }, null),
  )
  const limit = fault?.kind === 'cut' ? Math.min(fault.afterChunks, events.length) : events.length

  if (fault?.kind === 'slow-first-token') await sleep(fault.delayMs, signal)
  if (signal.aborted) return
  await write(res, event({ role: 'assistant', content: '' }, null))

  const interval = plan.rate > 0 ? 1000 / plan.rate : 0
  const start = Date.now()
  let sent = 0
  while (sent < limit && !signal.aborted) {
    const due = interval > 0 ? Math.min(limit, Math.floor((Date.now() - start) / interval)) : limit
    if (due <= sent) {
      await sleep(start + (sent + 1) * interval - Date.now(), signal)
      continue
    }
    const upTo = Math.min(due, sent + BATCH)
    await write(res, events.slice(sent, upTo).join(''))
    sent = upTo
    if (interval === 0 && sent < limit) await new Promise<void>((resolve) => setImmediate(resolve))
  }
  if (signal.aborted) return

  if (fault?.kind === 'cut') {
    // A dropped connection: no terminating chunk, no [DONE].
    res.socket?.destroy()
    return
  }
  res.end('data: [DONE]\n\n')
}

function abortOnClose(res: ServerResponse): AbortSignal {
  const controller = new AbortController()
  res.on('close', () => controller.abort())
  return controller.signal
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
