// POST /v1/chat/completions: the JSON reply and the data-only SSE stream.
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { StreamFault } from '../../faults'
import { hexId, sendJson, sleep, write } from '../../http'
import type { ReplyPlan, Usage } from './reply-plan'
import type { ChatRequest } from './rules'

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

/** The whole (non-streamed) completion; batch results use it too, so they match the live endpoint. */
export function completionBody(request: ChatRequest, plan: ReplyPlan): object {
  return {
    id: hexId(),
    object: 'chat.completion',
    created: nowSeconds(),
    model: request.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: messageContent(plan),
          tool_calls: plan.toolCalls.length > 0 ? plan.toolCalls : null,
          prefix: false,
        },
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

  // One event per token; the last one carries finish_reason and usage.
  const deltas = streamDeltas(plan)
  const events = deltas.map((delta, i) =>
    i === deltas.length - 1 ? event(delta, plan.finishReason, plan.usage) : event(delta, null),
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

/**
 * A plain string when the reply is only text (what non-reasoning models send);
 * otherwise the chunk array: thinking first, then text split around references.
 */
function messageContent(plan: ReplyPlan): string | object[] {
  const text = plan.tokens.join('')
  if (plan.thinking.length === 0 && plan.references.size === 0 && !plan.unknownChunk) {
    return plan.toolCalls.length > 0 ? '' : text
  }
  const chunks: object[] = []
  if (plan.thinking.length > 0) chunks.push(thinkingChunk(plan.thinking.join('')))
  if (plan.unknownChunk) chunks.push(unknownChunk(plan.unknownChunk))
  let run = ''
  plan.tokens.forEach((token, i) => {
    run += token
    const ids = plan.references.get(i)
    if (!ids) return
    chunks.push({ type: 'text', text: run }, { type: 'reference', reference_ids: ids })
    run = ''
  })
  if (run) chunks.push({ type: 'text', text: run })
  return chunks
}

/**
 * The deltas after the role delta. Thinking tokens go as `thinking` chunks and
 * answer tokens as strings (observed for Magistral); a reference chunk follows the
 * token it cites; tool calls come whole in one chunk (observed), with empty content.
 */
function streamDeltas(plan: ReplyPlan): object[] {
  const deltas: object[] = plan.thinking.map((t) => ({ content: [thinkingChunk(t)] }))
  if (plan.unknownChunk) deltas.push({ content: [unknownChunk(plan.unknownChunk)] })
  plan.tokens.forEach((content, i) => {
    deltas.push({ content })
    const ids = plan.references.get(i)
    if (ids) deltas.push({ content: [{ type: 'reference', reference_ids: ids }] })
  })
  if (plan.toolCalls.length > 0) deltas.push({ content: '', tool_calls: plan.toolCalls })
  return deltas.length > 0 ? deltas : [{ content: '' }]
}

function thinkingChunk(text: string): object {
  return { type: 'thinking', thinking: [{ type: 'text', text }] }
}

/** Deliberately outside the spec: only sent on `[sim chunk=TYPE]`, so clients can prove they survive new chunk types. */
function unknownChunk(type: string): object {
  return { type, note: 'a chunk type this client does not know' }
}

function abortOnClose(res: ServerResponse): AbortSignal {
  const controller = new AbortController()
  res.on('close', () => controller.abort())
  return controller.signal
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
