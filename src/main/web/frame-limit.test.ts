import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channelNames, channels } from '../../shared/contract'
import { MAX_FRAME_BYTES } from './frame-limit'

/** JSON may spend `\uXXXX`, 6 bytes, on one UTF-16 code unit (control characters, lone surrogates). */
const WORST_BYTES_PER_CHAR = 6
/** The longest JSON number: a negative float with 17 significant digits and an exponent. */
const WORST_NUMBER = '-1.2345678901234567e-308'.length

type Schema = {
  type?: string
  maxLength?: number
  maxItems?: number
  items?: Schema
  properties?: Record<string, Schema>
  anyOf?: Schema[]
  /** zod's discriminated unions: one of the options, so the largest one bounds it. */
  oneOf?: Schema[]
  enum?: unknown[]
  const?: unknown
}

/** The most bytes a value valid under `schema` can take as JSON; throws on anything unbounded. */
function worstJsonBytes(schema: Schema, where: string): number {
  const options = schema.anyOf ?? schema.oneOf
  if (options) return Math.max(...options.map((s, i) => worstJsonBytes(s, `${where}|${i}`)))
  if (schema.const !== undefined) return JSON.stringify(schema.const).length
  if (schema.enum) return Math.max(...schema.enum.map((v) => Buffer.byteLength(JSON.stringify(v))))
  switch (schema.type) {
    case 'string':
      if (schema.maxLength === undefined) throw new Error(`${where}: a string without a maximum length`)
      return 2 + WORST_BYTES_PER_CHAR * schema.maxLength
    case 'number':
    case 'integer':
      return WORST_NUMBER
    case 'boolean':
      return 'false'.length
    case 'null':
      return 'null'.length
    case 'array':
      if (schema.maxItems === undefined || !schema.items) throw new Error(`${where}: an array without a maximum length`)
      return 2 + schema.maxItems * (worstJsonBytes(schema.items, `${where}[]`) + 1)
    case 'object':
      return (
        2 +
        Object.entries(schema.properties ?? {}).reduce(
          (sum, [key, value]) => sum + JSON.stringify(key).length + 1 + worstJsonBytes(value, `${where}.${key}`) + 1,
          0,
        )
      )
    default:
      throw new Error(`${where}: no bound known for ${JSON.stringify(schema)}`)
  }
}

/** The envelope the page wraps every input in (shared/ws-protocol.ts ClientFrame). */
function worstFrameBytes(channel: string, input: number): number {
  return JSON.stringify({ kind: 'invoke', id: Number.MAX_SAFE_INTEGER, channel, input: null }).length - 'null'.length + input
}

const bounds = Object.fromEntries(
  channelNames.map((name) => [
    name,
    worstFrameBytes(name, worstJsonBytes(z.toJSONSchema(channels[name].input, { io: 'input' }) as Schema, name)),
  ]),
)
const largest = Math.max(...Object.values(bounds))

describe('MAX_FRAME_BYTES', () => {
  it('fits the largest valid request of every channel', () => {
    for (const [name, bound] of Object.entries(bounds)) expect(bound, name).toBeLessThanOrEqual(MAX_FRAME_BYTES)
    // chat.send is the largest today: 1,000,000 characters of content and a 100,000-character system prompt.
    expect(largest).toBe(bounds['chat.send'])
    expect(largest).toBeGreaterThan(6_600_000)
  })

  it('is no looser than needed, so a frame that cannot be valid is refused from its header', () => {
    expect(MAX_FRAME_BYTES).toBeLessThan(largest * 1.15)
  })

  it('lets a real worst-case chat.send through the contract', () => {
    const input = {
      conversationId: 'c'.repeat(64),
      model: 'm'.repeat(128),
      content: '\u0001'.repeat(1_000_000),
      settings: {
        systemPrompt: '\u0001'.repeat(100_000),
        params: { stop: Array.from({ length: 8 }, () => '\u0001'.repeat(100)), temperature: 1.499999999999999 },
      },
      trimToFit: false,
    }
    expect(channels['chat.send'].input.safeParse(input).success).toBe(true)
    const frame = JSON.stringify({ kind: 'invoke', id: Number.MAX_SAFE_INTEGER, channel: 'chat.send', input })
    expect(Buffer.byteLength(frame)).toBeGreaterThan(6_600_000)
    expect(Buffer.byteLength(frame)).toBeLessThanOrEqual(MAX_FRAME_BYTES)
  })
})
