/**
 * Checks a Document AI annotation against the JSON schema it was asked with, so the
 * viewer can say "valid" only when it is (the API's strict mode is not a guarantee
 * we show without checking).
 */
import Ajv2020 from 'ajv/dist/2020.js'

// One validator for the process; schemas are compiled per call because each document has its own.
const ajv = new Ajv2020({ strict: false, allErrors: false })

export function annotationMatches(schema: Record<string, unknown>, annotation: string | null): boolean {
  if (annotation === null) return false
  let value: unknown
  try {
    value = JSON.parse(annotation)
  } catch {
    return false
  }
  try {
    return ajv.validate(schema, value)
  } catch {
    // A schema ajv cannot compile cannot vouch for anything.
    return false
  }
}
