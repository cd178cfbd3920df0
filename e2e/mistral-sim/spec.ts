// Loads the OpenAPI copy once per process. The simulator derives its request
// rules from it instead of hard-coding field lists, so that a spec update is
// picked up without touching the simulator.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const SPEC_PATH = fileURLToPath(new URL('./spec/openapi.yaml', import.meta.url))

export type JsonSchema = { [key: string]: unknown }
export interface OpenApiDoc {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, JsonSchema> }
}

let cached: OpenApiDoc | undefined

/** Parsing the 1 MB file takes about a second, hence the cache. */
export function loadSpec(): OpenApiDoc {
  if (!cached) cached = parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc
  return cached
}

export function componentSchema(name: string): JsonSchema {
  const schema = loadSpec().components.schemas[name]
  if (!schema) throw new Error(`OpenAPI spec has no components.schemas.${name}`)
  return schema
}

export interface ObjectRules {
  allowed: ReadonlySet<string>
  required: readonly string[]
}

function objectRules(schema: JsonSchema): ObjectRules {
  const props = (schema.properties ?? {}) as Record<string, unknown>
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  return { allowed: new Set(Object.keys(props)), required }
}

export interface ChatRequestRules extends ObjectRules {
  /** role → rules of that message schema, from the discriminator mapping. */
  messages: ReadonlyMap<string, ObjectRules>
}

let chatRules: ChatRequestRules | undefined

export function chatRequestRules(): ChatRequestRules {
  if (chatRules) return chatRules
  const request = componentSchema('ChatCompletionRequest')
  const messagesProp = (request.properties as Record<string, JsonSchema>)['messages']
  const items = (messagesProp?.items ?? {}) as JsonSchema
  const mapping = ((items.discriminator as JsonSchema | undefined)?.mapping ?? {}) as Record<string, string>
  const messages = new Map<string, ObjectRules>()
  for (const [role, ref] of Object.entries(mapping)) {
    const name = ref.split('/').pop() ?? ''
    messages.set(role, objectRules(componentSchema(name)))
  }
  if (messages.size === 0) throw new Error('ChatCompletionRequest.messages has no role mapping in the spec')
  chatRules = { ...objectRules(request), messages }
  return chatRules
}
