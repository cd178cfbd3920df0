// Validates JSON against the OpenAPI spec's own schemas with ajv (draft
// 2020-12, the dialect of OpenAPI 3.1). Used by the conformance test; other
// tests may use it to check what they send or receive.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { loadSpec, type JsonSchema, type OpenApiDoc } from './spec'

const DOC_ID = 'mistral-openapi'

/**
 * Documented places where the spec contradicts the real service and the
 * official SDK (README "Known quirks of the spec"). Each patch loosens the
 * spec exactly where the simulator follows the SDK instead.
 */
export const SPEC_QUIRKS: { name: string; apply(doc: OpenApiDoc): void }[] = [
  {
    // ChatCompletionResponse lists `data` as required; real responses have no
    // `data` and the SDK's schema does not expect one.
    name: 'ChatCompletionResponse.required has a bogus `data`',
    apply(doc) {
      const parts = (doc.components.schemas['ChatCompletionResponse']?.allOf ?? []) as JsonSchema[]
      for (const part of parts) {
        if (Array.isArray(part.required)) part.required = part.required.filter((r) => r !== 'data')
      }
    },
  },
  {
    // UsageInfo has additionalProperties:false, yet real responses carried
    // prompt_tokens_details / num_cached_tokens and the SDK accepts extra keys.
    // The simulator sends none, but a client's fixtures may.
    name: 'UsageInfo forbids extra keys',
    apply(doc) {
      const usage = doc.components.schemas['UsageInfo']
      if (usage) delete usage.additionalProperties
    },
  },
]

export interface SpecValidator {
  /** Errors for `body` as the response of `method path` with `status` and `contentType`; [] when valid. */
  response(method: string, path: string, status: number, contentType: string, body: unknown): string[]
  /** Errors for `value` against components.schemas[name]; [] when valid. */
  schema(name: string, value: unknown): string[]
}

/**
 * @param quirks false validates against the spec exactly as published.
 * @param source the 2026-07 spec for the fine-tuning jobs routes the current one dropped.
 */
export function createSpecValidator(quirks = true, source: OpenApiDoc = loadSpec()): SpecValidator {
  const doc = structuredClone(source)
  if (quirks) for (const quirk of SPEC_QUIRKS) quirk.apply(doc)

  // strict:false because OpenAPI adds keywords (discriminator, example) that
  // plain JSON Schema does not know; oneOf still decides on its own.
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema({ $id: DOC_ID, paths: doc.paths, components: doc.components })

  const compiled = new Map<string, ValidateFunction>()
  const run = (pointer: string, value: unknown): string[] => {
    let validate = compiled.get(pointer)
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOC_ID}#${pointer}` })
      compiled.set(pointer, validate)
    }
    if (validate(value)) return []
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
  }
  const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1')

  return {
    response(method, path, status, contentType, body) {
      const operation = doc.paths[path]?.[method.toLowerCase()] as JsonSchema | undefined
      const responses = (operation?.responses ?? {}) as Record<string, JsonSchema>
      const content = responses[String(status)]?.content as Record<string, unknown> | undefined
      if (!content?.[contentType]) return [`spec has no ${contentType} response ${status} for ${method} ${path}`]
      const pointer = ['paths', path, method.toLowerCase(), 'responses', String(status), 'content', contentType, 'schema']
      return run(`/${pointer.map(escape).join('/')}`, body)
    },
    schema(name, value) {
      if (!doc.components.schemas[name]) return [`spec has no schema ${name}`]
      return run(`/components/schemas/${escape(name)}`, value)
    },
  }
}
