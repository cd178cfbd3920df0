/**
 * The conversation settings form as text fields, and its parsing. An empty field means
 * "unset": nothing is sent and the model's default applies. The ranges mirror
 * chatParamsSchema in the contract, so a value the form accepts is one main accepts.
 */
import type { ChatParams, ConversationSettings } from '../../../../../shared/domain'

export type NumberField = 'temperature' | 'topP' | 'maxTokens' | 'randomSeed' | 'presencePenalty' | 'frequencyPenalty'

export interface SettingsFormValues extends Record<NumberField, string> {
  systemPrompt: string
  stop: string
  safePrompt: boolean
}

export type SettingsFormErrors = Partial<Record<NumberField | 'stop' | 'systemPrompt', string>>

interface NumberRule {
  label: string
  min: number
  max: number
  step: number
  integer?: boolean
}

export const NUMBER_RULES: Record<NumberField, NumberRule> = {
  temperature: { label: 'Temperature', min: 0, max: 1.5, step: 0.05 },
  topP: { label: 'Top P', min: 0, max: 1, step: 0.05 },
  maxTokens: { label: 'Max tokens', min: 1, max: 1_000_000, step: 1, integer: true },
  randomSeed: { label: 'Random seed', min: 0, max: 2 ** 31 - 1, step: 1, integer: true },
  presencePenalty: { label: 'Presence penalty', min: -2, max: 2, step: 0.1 },
  frequencyPenalty: { label: 'Frequency penalty', min: -2, max: 2, step: 0.1 },
}

export const NUMBER_FIELDS = Object.keys(NUMBER_RULES) as NumberField[]

const MAX_STOP = 8
const MAX_STOP_LENGTH = 100
const MAX_SYSTEM_PROMPT = 100_000

export function toFormValues({ systemPrompt, params }: ConversationSettings): SettingsFormValues {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n))
  return {
    systemPrompt,
    temperature: text(params.temperature),
    topP: text(params.topP),
    maxTokens: text(params.maxTokens),
    randomSeed: text(params.randomSeed),
    presencePenalty: text(params.presencePenalty),
    frequencyPenalty: text(params.frequencyPenalty),
    stop: (params.stop ?? []).join('\n'),
    safePrompt: params.safePrompt === true,
  }
}

/** Stop sequences are written one per line or separated by commas. */
export function parseStop(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

function rangeText(rule: NumberRule): string {
  const kind = rule.integer ? 'a whole number' : 'a number'
  return `${rule.label} must be ${kind} from ${rule.min} to ${rule.max.toLocaleString('en-US')}.`
}

/** The number in a field, undefined when it is empty, or an error sentence. */
export function parseNumber(raw: string, rule: NumberRule): number | undefined | { error: string } {
  const text = raw.trim()
  if (text === '') return undefined
  const n = Number(text)
  if (!Number.isFinite(n) || n < rule.min || n > rule.max || (rule.integer && !Number.isInteger(n))) {
    return { error: rangeText(rule) }
  }
  return n
}

/**
 * Either the settings to save, or the errors to show beside their fields.
 * `unreadable` lists number fields whose text the browser could not read as a number.
 */
export function parseSettingsForm(
  values: SettingsFormValues,
  unreadable: ReadonlySet<NumberField> = new Set(),
): { settings: ConversationSettings } | { errors: SettingsFormErrors } {
  const errors: SettingsFormErrors = {}
  const params: ChatParams = {}
  for (const field of NUMBER_FIELDS) {
    const rule = NUMBER_RULES[field]
    const parsed = unreadable.has(field) ? { error: rangeText(rule) } : parseNumber(values[field], rule)
    if (typeof parsed === 'object') errors[field] = parsed.error
    else if (parsed !== undefined) params[field] = parsed
  }
  const stop = parseStop(values.stop)
  if (stop.length > MAX_STOP) errors.stop = `Use at most ${MAX_STOP} stop sequences.`
  else if (stop.some((s) => s.length > MAX_STOP_LENGTH)) {
    errors.stop = `Each stop sequence can be at most ${MAX_STOP_LENGTH} characters.`
  } else if (stop.length > 0) params.stop = stop
  if (values.safePrompt) params.safePrompt = true
  if (values.systemPrompt.length > MAX_SYSTEM_PROMPT) {
    errors.systemPrompt = `The system prompt can be at most ${MAX_SYSTEM_PROMPT.toLocaleString('en-US')} characters.`
  }
  if (Object.keys(errors).length > 0) return { errors }
  return { settings: { systemPrompt: values.systemPrompt, params } }
}
