// A deterministic value that satisfies a JSON schema: tool-call arguments and
// structured-output replies are generated from the schema the client sent, the
// way a model constrained by it answers. Covers the schema keywords clients use
// for tools and response formats (type, properties, required, items, enum, const,
// anyOf/oneOf, minimum, minItems); unknown keywords are ignored.

type Schema = Record<string, unknown>

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `hint` words (from the prompt) fill string fields, so the demo shows something related. */
export function sampleFromSchema(schema: unknown, hint: string, depth = 0): unknown {
  if (!isSchema(schema) || depth > 8) return {}
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  const options = (schema.anyOf ?? schema.oneOf) as unknown
  if (Array.isArray(options) && options.length > 0) {
    const concrete = options.find((o) => isSchema(o) && o.type !== 'null') ?? options[0]
    return sampleFromSchema(concrete, hint, depth + 1)
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  switch (type) {
    case 'string':
      return stringSample(schema, hint)
    case 'integer':
      return typeof schema.minimum === 'number' ? Math.ceil(schema.minimum) : 3
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 21.5
    case 'boolean':
      return true
    case 'null':
      return null
    case 'array': {
      const count = typeof schema.minItems === 'number' ? Math.max(1, schema.minItems) : 2
      return Array.from({ length: count }, () => sampleFromSchema(schema.items, hint, depth + 1))
    }
    default:
      return objectSample(schema, hint, depth)
  }
}

function objectSample(schema: Schema, hint: string, depth: number): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {}
  const out: Record<string, unknown> = {}
  for (const [key, sub] of Object.entries(properties)) {
    out[key] = key === 'location' || key === 'city' ? cityIn(hint) : sampleFromSchema(sub, hint || key, depth + 1)
  }
  return out
}

function stringSample(schema: Schema, hint: string): string {
  if (schema.format === 'date') return '2026-01-15'
  if (schema.format === 'date-time') return '2026-01-15T09:30:00Z'
  if (schema.format === 'email') return 'ada@example.com'
  if (schema.format === 'uri') return 'https://example.com/'
  const text = hint.trim() || 'example'
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 80
  return text.slice(0, Math.max(1, max))
}

const CITIES = ['Paris', 'Lyon', 'London', 'Berlin', 'Madrid', 'Rome', 'Tokyo', 'New York']

/** A city named in the prompt, or Paris. */
function cityIn(hint: string): string {
  return CITIES.find((c) => new RegExp(`\\b${c}\\b`, 'i').test(hint)) ?? 'Paris'
}
