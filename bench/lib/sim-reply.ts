/** What the simulator answered to a request: its reply is a pure function of the request body. */
import { planReply } from '../../e2e/mistral-sim/routes/chat-completions/reply-plan'
import { contentText } from '../../e2e/mistral-sim/routes/chat-completions/reply-text'
import type { ChatRequest } from '../../e2e/mistral-sim/routes/chat-completions/rules'
import type { Simulator } from '../../e2e/mistral-sim/server'

function lastUserText(body: unknown): string {
  const messages = (body as ChatRequest | null)?.messages
  if (!Array.isArray(messages)) return ''
  const last = [...messages].reverse().find((m) => m.role === 'user')
  return contentText(last?.content)
}

/**
 * The reply text the simulator streamed for the latest streamed chat request whose last
 * user message starts with `marker`. Other calls may quote the message (e.g. the core's
 * non-streamed title request), so both conditions matter.
 */
export function simulatorReply(sim: Simulator, marker: string): string {
  const request = [...sim.requests]
    .reverse()
    .find(
      (r) =>
        r.path === '/v1/chat/completions' &&
        (r.body as ChatRequest | null)?.stream === true &&
        lastUserText(r.body).startsWith(marker),
    )
  if (!request) throw new Error(`the simulator got no chat request containing "${marker}"`)
  // Only the directive in the message sets the size here, so the default settings are irrelevant.
  return planReply(request.body as ChatRequest, { tokensPerSecond: 0, replyTokens: 40, replyStyle: 'echo', timeScale: 1, fineTuning: 'available' }).tokens.join('')
}

export const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Where two texts first differ, for a failed check's message. */
export function firstDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (i === a.length && i === b.length) return 'identical'
  return `lengths ${a.length} vs ${b.length}, first difference at ${i}: ${JSON.stringify(a.slice(i, i + 30))} vs ${JSON.stringify(b.slice(i, i + 30))}`
}
