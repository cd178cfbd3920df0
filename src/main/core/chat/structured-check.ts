/**
 * Checks a structured-output reply: it must parse as JSON and, for json_schema, fit
 * the schema (ajv, all errors, each with the JSON pointer of the failing value so the
 * screen can highlight it). A schema ajv cannot compile is reported the same way
 * rather than thrown: the reply is already saved and must stay readable.
 */
import { Ajv } from 'ajv'
import type { StructuredCheck } from '../../../shared/domain'

export type StructuredFormat = { type: 'json_object' } | { type: 'json_schema'; schema: Record<string, unknown> }

export function checkStructured(text: string, format: StructuredFormat): StructuredCheck {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { valid: false, errors: [{ path: '', message: `Not valid JSON: ${(err as Error).message}` }] }
  }
  if (format.type === 'json_object') {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
    return isObject ? { valid: true, errors: [] } : { valid: false, errors: [{ path: '', message: 'The reply is JSON but not an object.' }] }
  }
  const ajv = new Ajv({ allErrors: true, strict: false })
  let validate
  try {
    validate = ajv.compile(format.schema)
  } catch (err) {
    return { valid: false, errors: [{ path: '', message: `The schema does not compile: ${(err as Error).message}` }] }
  }
  if (validate(value)) return { valid: true, errors: [] }
  return {
    valid: false,
    errors: (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? e.keyword })),
  }
}
