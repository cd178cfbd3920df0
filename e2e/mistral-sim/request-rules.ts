// Request rules every route gets from the spec, found by operationId: the JSON
// body must parse, be an object, have the required fields and, where the schema
// is closed (additionalProperties: false), no others. Problems are answered like
// the service does, as one 422 listing every issue at once. A route adds its own
// checks through `moreIssues` (still 422) and after this (its 400s).
import { validationError, type FieldIssue } from './http'
import { objectRules, requestBodySchema, type ObjectRules } from './spec'

export type Loc = (string | number)[]
export type Rejection = { ok: false; status: number; body: unknown }
export type BodyCheck = { ok: true; body: Record<string, unknown> } | Rejection

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const rulesCache = new Map<string, ObjectRules>()

/** The top-level field rules of an operation's JSON request body. */
export function bodyRules(operationId: string): ObjectRules {
  let rules = rulesCache.get(operationId)
  if (!rules) {
    const schema = requestBodySchema(operationId)
    if (!schema) throw new Error(`${operationId} takes no JSON request body`)
    rules = objectRules(schema)
    rulesCache.set(operationId, rules)
  }
  return rules
}

export function extraForbidden(loc: Loc, input: unknown): FieldIssue {
  return { type: 'extra_forbidden', loc, msg: 'Extra inputs are not permitted', input }
}

export function notAnObject(loc: Loc, input: unknown): FieldIssue {
  const msg = 'Input should be a valid dictionary or object to extract fields from'
  return { type: 'model_attributes_type', loc, msg, input }
}

/** Missing required fields, then unknown ones: the order pydantic reports them in. */
export function objectIssues(value: Record<string, unknown>, rules: ObjectRules, loc: Loc): FieldIssue[] {
  const issues: FieldIssue[] = []
  // pydantic reports missing fields in declaration order, not in `required` order.
  for (const field of rules.allowed) {
    if (rules.required.includes(field) && !(field in value)) {
      issues.push({ type: 'missing', loc: [...loc, field], msg: 'Field required', input: value })
    }
  }
  if (rules.closed) {
    for (const [field, input] of Object.entries(value)) {
      if (!rules.allowed.has(field)) issues.push(extraForbidden([...loc, field], input))
    }
  }
  return issues
}

/**
 * Parses and checks the JSON body of `operationId`. `moreIssues` adds what the
 * route checks beyond field names (types, nested objects); all issues share one 422.
 */
export function checkJsonBody(
  operationId: string,
  raw: string,
  moreIssues: (body: Record<string, unknown>) => FieldIssue[] = () => [],
): BodyCheck {
  let body: unknown
  try {
    body = JSON.parse(raw)
  } catch (err) {
    const issue = { type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: String(err) } }
    return { ok: false, status: 422, body: validationError([issue]) }
  }
  if (!isObject(body)) return { ok: false, status: 422, body: validationError([notAnObject(['body'], body)]) }
  const issues = [...objectIssues(body, bodyRules(operationId), ['body']), ...moreIssues(body)]
  if (issues.length > 0) return { ok: false, status: 422, body: validationError(issues) }
  return { ok: true, body }
}
