/**
 * A conversation's tools and response format: checked when saved (Mistral would
 * answer a bad schema or name with a 400 on every message), and turned into the
 * SDK's request fields when sent.
 */
import { Ajv } from 'ajv'
import type { ChatOptions } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { ChatExtras } from '../kernel/mistral/mistral-client'
import type { StructuredFormat } from './structured-check'

const invalid = (message: string): never => {
  throw new AppErrorException(appError('invalid_input', message))
}

/** Throws invalid_input naming the first problem; returns the options unchanged when they are usable. */
export function checkOptions(options: ChatOptions): ChatOptions {
  const names = new Set<string>()
  const ajv = new Ajv({ strict: false })
  for (const tool of options.tools) {
    if (names.has(tool.name)) invalid(`Two tools are named "${tool.name}". Give each tool its own name.`)
    names.add(tool.name)
    compiles(ajv, tool.parameters, `The parameters of "${tool.name}"`)
  }
  const choice = options.toolChoice
  if (typeof choice === 'object' && !names.has(choice.function)) {
    invalid(`Tool choice names "${choice.function}", which is not one of this conversation's tools.`)
  }
  if (options.responseFormat.type === 'json_schema') compiles(ajv, options.responseFormat.schema, 'The response schema')
  return options
}

function compiles(ajv: Ajv, schema: Record<string, unknown>, what: string): void {
  const problem = schemaProblem(schema, ajv)
  if (problem) invalid(`${what} ${problem}`)
}

/** Why a tool or response schema is unusable ("is not a valid JSON schema: …"), or null. */
export function schemaProblem(schema: Record<string, unknown>, ajv = new Ajv({ strict: false })): string | null {
  if (schema.type !== undefined && schema.type !== 'object') return 'must be a JSON schema of type "object".'
  try {
    ajv.compile(schema)
    return null
  } catch (err) {
    return `is not a valid JSON schema: ${(err as Error).message}`
  }
}

/**
 * The request fields for these options; only what is set goes on the wire (Mistral
 * rejects unknown fields and the defaults need not be sent). `forceAnswer` sends
 * tool_choice "none": the round limit is reached and the model must reply in text.
 */
export function extrasFor(options: ChatOptions, forceAnswer = false): ChatExtras {
  const extras: ChatExtras = {}
  if (options.tools.length > 0) {
    extras.tools = options.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }))
    const choice = forceAnswer ? 'none' : options.toolChoice
    if (choice !== 'auto') extras.toolChoice = typeof choice === 'object' ? { type: 'function', function: { name: choice.function } } : choice
    if (!options.parallelToolCalls) extras.parallelToolCalls = false
  }
  const format = options.responseFormat
  if (format.type === 'json_object') extras.responseFormat = { type: 'json_object' }
  if (format.type === 'json_schema') {
    extras.responseFormat = { type: 'json_schema', jsonSchema: { name: format.name, schemaDefinition: format.schema, strict: format.strict } }
  }
  return extras
}

/** What a finished reply is checked against, or undefined for plain text. */
export function structuredFormat(options: ChatOptions): StructuredFormat | undefined {
  const format = options.responseFormat
  if (format.type === 'json_object') return { type: 'json_object' }
  if (format.type === 'json_schema') return { type: 'json_schema', schema: format.schema }
  return undefined
}
