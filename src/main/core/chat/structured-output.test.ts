/** Structured output through the core: response_format on the wire, and the reply checked against the schema. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_CHAT_OPTIONS, type ChatOptions } from '../../../shared/domain'
import { optionsInput } from '../../../shared/contract/chat'
import { CoreHarness } from '../testing/core-harness'
import { checkStructured } from './structured-check'

let h: CoreHarness
const MODEL = 'mistral-small-latest'
const schema = {
  type: 'object',
  properties: { name: { type: 'string' }, year: { type: 'integer', minimum: 1900 } },
  required: ['name', 'year'],
  additionalProperties: false,
}
const options: ChatOptions = { ...DEFAULT_CHAT_OPTIONS, responseFormat: { type: 'json_schema', name: 'book', schema, strict: true } }

beforeEach(async () => {
  h = await CoreHarness.start({ replyStyle: 'assistant' })
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(() => h.stop())

async function ask(content: string) {
  const started = await h.ok('chat.send', { model: MODEL, content, options: optionsInput(options) })
  await h.ctx.finished(started.requestId)
  return (await h.ok('chat.details', { conversationId: started.conversationId }))[started.assistantMessageId]?.structured
}

describe('structured output', () => {
  it('sends json_schema strict, and a reply that fits is marked valid', async () => {
    expect(await ask('A book about the sea')).toEqual({ valid: true, errors: [] })
    expect(h.chatBodies()[0]?.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'book', schema, strict: true } })
  })

  it('a reply that breaks the schema is marked invalid with the failing paths', async () => {
    const bad = Buffer.from('{"name": 7, "year": 1800, "extra": true}').toString('base64')
    const check = await ask(`Book [sim reply=${bad}]`)
    expect(check?.valid).toBe(false)
    expect(check?.errors.map((e) => e.path).sort()).toEqual(['', '/name', '/year'])
  })

  it('text that is not JSON, and JSON that is not an object for json_object, are reported, not thrown', () => {
    expect(checkStructured('not json', { type: 'json_object' }).errors[0]?.message).toMatch(/^Not valid JSON/)
    expect(checkStructured('[1]', { type: 'json_object' })).toEqual({ valid: false, errors: [{ path: '', message: 'The reply is JSON but not an object.' }] })
    expect(checkStructured('{}', { type: 'json_schema', schema: { type: 'bogus' } }).errors[0]?.message).toMatch(/does not compile/)
  })
})
