/**
 * What Mistral requires of one line of a fine-tuning dataset (instruct format): a JSON
 * object with `messages`; roles in a valid order (system first, then user and assistant
 * turns, tool answers right after the assistant call they answer); tool call ids of 9
 * letters or digits; at least one assistant message to learn from. Returns the first
 * problem of the line, or null, and the text length for the token estimate.
 */

const ROLES = new Set(['system', 'user', 'assistant', 'tool'])
const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/

export interface LineVerdict {
  problem: string | null
  /** Characters of message text, for the token estimate. */
  chars: number
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function textLength(content: unknown): number {
  if (typeof content === 'string') return content.length
  if (Array.isArray(content)) return content.reduce((n: number, c) => n + (isObject(c) && typeof c.text === 'string' ? c.text.length : 0), 0)
  return 0
}

export function checkLine(text: string): LineVerdict {
  if (text.trim() === '') return { problem: 'Empty line: every line must be one JSON object.', chars: 0 }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { problem: `Not valid JSON (${(err as Error).message}).`, chars: 0 }
  }
  if (!isObject(value)) return { problem: 'The line must be a JSON object with a "messages" list.', chars: 0 }
  const messages = value.messages
  if (!Array.isArray(messages) || messages.length === 0) return { problem: 'Missing "messages": a non-empty list of messages.', chars: 0 }
  return { problem: conversationProblem(messages), chars: messages.reduce((n: number, m) => n + (isObject(m) ? textLength(m.content) : 0), 0) }
}

function conversationProblem(messages: unknown[]): string | null {
  let previous = 'start'
  let openCalls: string[] = []
  let assistants = 0
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    const at = `message ${i + 1}`
    if (!isObject(m)) return `${at} is not an object.`
    const role = m.role
    if (typeof role !== 'string' || !ROLES.has(role)) return `${at} has role ${JSON.stringify(role)}; use system, user, assistant or tool.`
    if (role === 'tool') {
      if (previous !== 'assistant' && previous !== 'tool') return `${at}: a tool message must follow the assistant message that called the tool.`
      const id = m.tool_call_id
      if (!openCalls.includes(id as string)) return `${at}: tool_call_id ${JSON.stringify(id)} answers no open tool call.`
      openCalls = openCalls.filter((c) => c !== id)
    } else if (openCalls.length > 0) {
      return `${at}: ${openCalls.length} tool call(s) of the previous assistant message have no tool answer.`
    }
    if (role === 'system' && previous !== 'start' && previous !== 'system') return `${at}: a system message may only come first.`
    if (role === 'user' && previous === 'user') return `${at}: two user messages in a row; merge them or add the assistant reply.`
    if (role === 'assistant') {
      if (previous === 'start' || previous === 'system') return `${at}: the conversation must start with a user message, not an assistant one.`
      if (previous === 'assistant') return `${at}: two assistant messages in a row.`
      assistants += 1
      const calls = m.tool_calls
      if (Array.isArray(calls) && calls.length > 0) {
        for (const call of calls) {
          const id = isObject(call) ? call.id : undefined
          if (typeof id !== 'string' || !TOOL_CALL_ID.test(id)) return `${at}: tool call id ${JSON.stringify(id)} must be 9 letters or digits.`
          const fn = isObject(call) && isObject(call.function) ? call.function : undefined
          if (!fn || typeof fn.name !== 'string') return `${at}: tool call ${id} has no function name.`
        }
        openCalls = calls.map((c) => (c as { id: string }).id)
      } else if (typeof m.content !== 'string' && !Array.isArray(m.content)) {
        return `${at}: an assistant message needs content or tool_calls.`
      }
    } else if ((role === 'user' || role === 'system') && typeof m.content !== 'string' && !Array.isArray(m.content)) {
      return `${at}: a ${role} message needs text content.`
    }
    previous = role
  }
  if (openCalls.length > 0) return `The last assistant message calls ${openCalls.length} tool(s) that are never answered.`
  if (assistants === 0) return 'No assistant message: a training example needs at least one assistant reply to learn from.'
  return null
}
