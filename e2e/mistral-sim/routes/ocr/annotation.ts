// Document AI annotations: the service fills the caller's JSON schema from the
// document. The simulator builds a value that satisfies the schema (every property,
// required or not), with strings taken from the document's own text so tests can
// tell one document's annotation from another's. Deterministic in schema and text.

type Schema = Record<string, unknown>

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)

function resolveRef(ref: string, root: Schema): Schema {
  const path = ref.replace(/^#\//, '').split('/')
  let node: unknown = root
  for (const part of path) node = isSchema(node) ? node[part] : undefined
  return isSchema(node) ? node : {}
}

function stringFor(schema: Schema, key: string, text: string): string {
  const format = schema.format
  if (format === 'date') return '2026-01-15'
  if (format === 'date-time') return '2026-01-15T09:30:00Z'
  if (format === 'email') return 'someone@example.com'
  if (format === 'uri' || format === 'url') return 'https://example.com/'
  if (format === 'uuid') return '00000000-0000-4000-8000-000000000000'
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 200
  let value = text.trim() === '' ? key : text.trim()
  if (typeof schema.pattern === 'string') return key.replace(/[^a-z]/gi, '') || 'value'
  while (value.length < min) value += ` ${key}`
  return value.slice(0, max)
}

function numberFor(schema: Schema, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined
  let value = min ?? (max !== undefined ? Math.min(max, 1) : 1)
  if (integer) value = Math.ceil(value)
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) value = Math.ceil(value / schema.multipleOf) * schema.multipleOf
  return value
}

export function valueFor(schema: unknown, root: Schema, text: string, key = 'value', depth = 0): unknown {
  if (!isSchema(schema) || depth > 12) return null
  if (typeof schema.$ref === 'string') return valueFor(resolveRef(schema.$ref, root), root, text, key, depth + 1)
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  for (const union of ['anyOf', 'oneOf'] as const) {
    const options = schema[union]
    if (Array.isArray(options) && options.length > 0) {
      // Prefer a non-null branch: a null answer to every optional field says nothing.
      const branch = options.find((o) => !(isSchema(o) && o.type === 'null')) ?? options[0]
      return valueFor(branch, root, text, key, depth + 1)
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return valueFor(Object.assign({}, ...schema.allOf.map((s) => (isSchema(s) && s.$ref ? resolveRef(String(s.$ref), root) : s))), root, text, key, depth + 1)
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== 'null') ?? 'null') : (schema.type ?? (schema.properties ? 'object' : 'string'))
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      const props = isSchema(schema.properties) ? schema.properties : {}
      for (const [name, sub] of Object.entries(props)) out[name] = valueFor(sub, root, text, name, depth + 1)
      return out
    }
    case 'array': {
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1)
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : count
      return Array.from({ length: Math.min(count, max) }, () => valueFor(schema.items, root, text, key, depth + 1))
    }
    case 'integer':
      return numberFor(schema, true)
    case 'number':
      return numberFor(schema, false)
    case 'boolean':
      return true
    case 'null':
      return null
    default:
      return stringFor(schema, key, text)
  }
}

/** The annotation as the service returns it: the JSON text of a value matching the schema. */
export function annotate(schema: Schema, text: string): string {
  return JSON.stringify(valueFor(schema, schema, text.split('\n').find((l) => l.trim() !== '') ?? ''))
}
