// Validation of POST /v1/chat/completions bodies, in the order the service
// applies it: schema problems (422, all reported at once), then the model
// (400), then conversation rules (400). Field lists come from the spec: the
// shared request rules cover the top level, this file the messages by role.
import { apiError, type FieldIssue } from '../../http'
import { findModel } from '../../model-catalog'
import { checkJsonBody, isObject, notAnObject, objectIssues, type Rejection } from '../../request-rules'
import { componentSchema, objectRules, requestBodySchema, type JsonSchema, type ObjectRules } from '../../spec'

export const CHAT_OPERATION = 'chat_completion_v1_chat_completions_post'

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool'
  content?: unknown
  prefix?: unknown
  tool_calls?: unknown
  tool_call_id?: unknown
  name?: unknown
}

export interface ChatRequest {
  model: string
  messages: ChatMessage[]
  stream?: boolean
  max_tokens?: number | null
  tools?: unknown
  [key: string]: unknown
}

export type Checked = { ok: true; request: ChatRequest } | Rejection

const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/

export function checkChatRequest(raw: string): Checked {
  const checked = checkJsonBody(CHAT_OPERATION, raw, fieldIssues)
  if (!checked.ok) return checked
  const request = checked.body as ChatRequest

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

let roleRules: ReadonlyMap<string, ObjectRules> | undefined

/** role → rules of that message schema, from the spec's discriminator mapping on `messages`. */
function messageRules(): ReadonlyMap<string, ObjectRules> {
  if (roleRules) return roleRules
  const messagesProp = (requestBodySchema(CHAT_OPERATION)?.properties as Record<string, JsonSchema>)['messages']
  const items = (messagesProp?.items ?? {}) as JsonSchema
  const mapping = ((items.discriminator as JsonSchema | undefined)?.mapping ?? {}) as Record<string, string>
  const rules = new Map<string, ObjectRules>()
  for (const [role, ref] of Object.entries(mapping)) rules.set(role, objectRules(componentSchema(ref.split('/').pop() ?? '')))
  if (rules.size === 0) throw new Error('ChatCompletionRequest.messages has no role mapping in the spec')
  roleRules = rules
  return rules
}

/** The 422 issues beyond field names: basic types and each message against its role's schema. */
function fieldIssues(body: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
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

function messageIssues(message: unknown, index: number): FieldIssue[] {
  const roles = messageRules()
  const loc = ['body', 'messages', index]
  if (!isObject(message)) return [notAnObject(loc, message)]
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
  return objectIssues(message, rules, [...loc, role])
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
