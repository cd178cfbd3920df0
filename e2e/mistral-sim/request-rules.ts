// Validation of POST /v1/chat/completions bodies, in the order the service
// applies it: schema problems (422, all reported at once), then the model
// (400), then conversation rules (400). Field lists come from the spec.
import { apiError, validationError, type FieldIssue } from './http'
import { findModel } from './models'
import { chatRequestRules } from './spec'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool'
  content?: unknown
  prefix?: unknown
  tool_calls?: unknown
  tool_call_id?: unknown
}

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  stream?: boolean
  max_tokens?: number | null
  tools?: unknown
  [key: string]: unknown
}

export type Checked = { ok: true; request: ChatRequest } | { ok: false; status: number; body: unknown }

const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function checkChatRequest(raw: string): Checked {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch (err) {
    const issue = { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: String(err) } }
    return { ok: false, status: 422, body: validationError([issue]) }
  }
  if (!isObject(body)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from'
    return { ok: false, status: 422, body: validationError([{ type: 'model_attributes_type', loc: ['body'], msg, input: body }]) }
  }

  const issues = schemaIssues(body)
  if (issues.length > 0) return { ok: false, status: 422, body: validationError(issues) }
  const request = body as ChatRequest

  const card = findModel(request.model)
  if (!card) return { ok: false, status: 400, body: apiError(`Invalid model: ${request.model}`, 'invalid_model', '1500') }
  if (!card.capabilities.completion_chat) {
    const message = `Invalid model: ${request.model} does not support chat completions`
    return { ok: false, status: 400, body: apiError(message, 'invalid_model', '1500') }
  }

  const problem = conversationProblem(request)
  if (problem) return { ok: false, status: 400, body: problem }
  return { ok: true, request }
}

function schemaIssues(body: Record<string, unknown>): FieldIssue[] {
  const rules = chatRequestRules()
  const issues: FieldIssue[] = []
  // pydantic reports missing fields in declaration order, not in `required` order.
  for (const field of rules.allowed) {
    if (rules.required.includes(field) && !(field in body)) {
      issues.push({ type: 'missing', loc: ['body', field], msg: 'Field required', input: body })
    }
  }
  for (const [field, value] of Object.entries(body)) {
    if (!rules.allowed.has(field)) issues.push(extraForbidden(['body', field], value))
  }
  const typed = (field: string, ok: (v: unknown) => boolean, type: string, msg: string) => {
    if (field in body && !ok(body[field])) issues.push({ type, loc: ['body', field], msg, input: body[field] })
  }
  typed('model', (v) => typeof v === 'string', 'string_type', 'Input should be a valid string')
  typed('messages', Array.isArray, 'list_type', 'Input should be a valid list')
  typed('stream', (v) => typeof v === 'boolean', 'bool_type', 'Input should be a valid boolean')
  typed('max_tokens', (v) => v === null || Number.isInteger(v), 'int_type', 'Input should be a valid integer')
  if (Number.isInteger(body.max_tokens) && (body.max_tokens as number) < 0) {
    const msg = 'Input should be greater than or equal to 0'
    issues.push({ type: 'greater_than_equal', loc: ['body', 'max_tokens'], msg, input: body.max_tokens })
  }
  if (Array.isArray(body.messages)) body.messages.forEach((m, i) => issues.push(...messageIssues(m, i)))
  return issues
}

function extraForbidden(loc: (string | number)[], input: unknown): FieldIssue {
  return { type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input }
}

function messageIssues(message: unknown, index: number): FieldIssue[] {
  const roles = chatRequestRules().messages
  const loc = ['body', 'messages', index]
  if (!isObject(message)) {
    const msg = 'Input should be a valid dictionary or object to extract fields from'
    return [{ type: 'model_attributes_type', loc, msg, input: message }]
  }
  const role = message.role
  if (typeof role !== 'string') {
    return [{ type: 'union_tag_not_found', loc, msg: "Unable to extract tag using discriminator 'role'", input: message }]
  }
  const rules = roles.get(role)
  if (!rules) {
    const expected = [...roles.keys()].sort().map((r) => `'${r}'`).join(', ')
    const msg = `Input tag '${role}' found using 'role' does not match any of the expected tags: ${expected}`
    return [{ type: 'union_tag_invalid', loc, msg, input: message }]
  }
  const issues: FieldIssue[] = []
  for (const field of rules.required) {
    if (!(field in message)) issues.push({ type: 'missing', loc: [...loc, role, field], msg: 'Field required', input: message })
  }
  for (const [field, value] of Object.entries(message)) {
    if (!rules.allowed.has(field)) issues.push(extraForbidden([...loc, role, field], value))
  }
  return issues
}

/** Rules the schema cannot express; the service answers them with 400s (observed bodies). */
function conversationProblem(request: ChatRequest): unknown {
  const order = (message: string) => apiError(message, 'invalid_request_message_order', '3230')
  const args = (message: string) => apiError(message, 'invalid_request_invalid_args', '3051')
  const { messages } = request

  let previous = 'none'
  let openCalls = 0
  for (const message of messages) {
    if (message.role === 'tool') {
      if (previous !== 'assistant' && previous !== 'tool') return order(`Unexpected role 'tool' after role '${previous}'`)
      openCalls -= 1
    } else if (openCalls !== 0) {
      return order('Not the same number of function calls and responses')
    }
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const call of message.tool_calls as unknown[]) {
        const id = isObject(call) ? call.id : undefined
        if (typeof id !== 'string' || !TOOL_CALL_ID.test(id)) {
          return args(`Tool call id was ${String(id)} but must be a-z, A-Z, 0-9, with a length of 9.`)
        }
      }
      openCalls = message.tool_calls.length
    }
    previous = message.role
  }

  const last = messages[messages.length - 1]
  const prefixed = last?.role === 'assistant' && last.prefix === true
  if (!last || !(last.role === 'user' || last.role === 'tool' || prefixed)) {
    return order(`Expected last role User or Tool (or Assistant with prefix True) for serving but got ${last?.role ?? 'none'}`)
  }
  if (openCalls !== 0) return order('Not the same number of function calls and responses')

  if (Array.isArray(request.tools)) {
    for (const tool of request.tools as unknown[]) {
      const fn = isObject(tool) && isObject(tool.function) ? tool.function : undefined
      if (fn && (typeof fn.name !== 'string' || !FUNCTION_NAME.test(fn.name))) {
        return args(`Function name was ${String(fn.name)} but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64.`)
      }
    }
  }
  return undefined
}
