// Loads the OpenAPI copy once per process. The simulator derives its request
// rules from it instead of hard-coding field lists, so that a spec update is
// picked up without touching the simulator.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const SPEC_PATH = fileURLToPath(new URL('./spec/openapi.yaml', import.meta.url))
/**
 * The fine-tuning jobs part of the 2026-07 spec, the last to list those deprecated routes
 * (an extract: spec/extract-fine-tuning.ts).
 * Operations missing from the current spec are looked up here, so those routes are
 * checked against the spec that last described them.
 */
export const LEGACY_SPEC_PATH = fileURLToPath(new URL('./spec/openapi-2026-07-fine-tuning.yaml', import.meta.url))

export type JsonSchema = { [key: string]: unknown }
export interface OpenApiDoc {
  openapi: string
  paths: Record<string, Record<string, unknown>>
  components: { schemas: Record<string, JsonSchema> }
}

let cached: OpenApiDoc | undefined
let legacy: OpenApiDoc | undefined

/** Parsing the 1 MB file takes about a second, hence the cache. */
export function loadSpec(): OpenApiDoc {
  if (!cached) cached = parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiDoc
  return cached
}

/** The older spec with fine-tuning jobs; parsed only when an operation is not in the current one. */
export function loadLegacySpec(): OpenApiDoc {
  if (!legacy) legacy = parse(readFileSync(LEGACY_SPEC_PATH, 'utf8')) as OpenApiDoc
  return legacy
}

export function componentSchema(name: string, doc: OpenApiDoc = loadSpec()): JsonSchema {
  const schema = doc.components.schemas[name]
  if (!schema) throw new Error(`OpenAPI spec has no components.schemas.${name}`)
  return schema
}

export interface Operation {
  method: string
  /** The path template as the spec writes it, e.g. /v1/models/{model_id}. */
  path: string
  operation: JsonSchema
  /** The spec the operation was found in: the current one, or the legacy one for dropped routes. */
  doc: OpenApiDoc
}

const operationMaps = new Map<OpenApiDoc, Map<string, Operation>>()

function operationsOf(doc: OpenApiDoc): Map<string, Operation> {
  let operations = operationMaps.get(doc)
  if (!operations) {
    operations = new Map()
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const id = (operation as JsonSchema | null)?.operationId
        if (typeof id === 'string') operations.set(id, { method: method.toUpperCase(), path, operation: operation as JsonSchema, doc })
      }
    }
    operationMaps.set(doc, operations)
  }
  return operations
}

/**
 * The operation the spec names `operationId`, from the current spec or else the legacy
 * one (deprecated routes the current spec dropped); throws if neither has it, so a typo
 * fails at start-up.
 */
export function operationById(operationId: string): Operation {
  const found = operationsOf(loadSpec()).get(operationId) ?? operationsOf(loadLegacySpec()).get(operationId)
  if (!found) throw new Error(`OpenAPI spec has no operation ${operationId}`)
  return found
}

/** Follows `$ref`s to components.schemas of `doc`; other schemas come back as they are. */
export function resolveSchema(schema: JsonSchema, doc: OpenApiDoc = loadSpec()): JsonSchema {
  let current = schema
  while (typeof current.$ref === 'string') {
    const name = /^#\/components\/schemas\/([^/]+)$/.exec(current.$ref)?.[1]
    if (!name) throw new Error(`unsupported $ref ${current.$ref}`)
    current = componentSchema(name, doc)
  }
  return current
}

/** The JSON request body schema of an operation, resolved; undefined when it takes no JSON body. */
export function requestBodySchema(operationId: string): JsonSchema | undefined {
  const { operation, doc } = operationById(operationId)
  const body = operation.requestBody as JsonSchema | undefined
  const content = body?.content as Record<string, JsonSchema | undefined> | undefined
  const schema = content?.['application/json']?.schema as JsonSchema | undefined
  return schema ? resolveSchema(schema, doc) : undefined
}

export interface ObjectRules {
  /** Property names in declaration order (pydantic reports missing fields in this order). */
  allowed: ReadonlySet<string>
  required: readonly string[]
  /** `additionalProperties: false`: the service answers unknown fields with extra_forbidden. */
  closed: boolean
}

/** The field rules of an object schema; throws for schemas that are not plain objects (unions, arrays). */
export function objectRules(schema: JsonSchema): ObjectRules {
  if (schema.type !== 'object' && schema.properties === undefined) {
    throw new Error(`schema ${String(schema.title ?? '')} is not a plain object; write its rules by hand`)
  }
  const props = (schema.properties ?? {}) as Record<string, unknown>
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : []
  return { allowed: new Set(Object.keys(props)), required, closed: schema.additionalProperties === false }
}
