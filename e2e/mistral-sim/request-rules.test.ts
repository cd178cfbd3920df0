// The request rules every route gets from the spec by operationId. Checked on
// an endpoint the simulator does not serve (embeddings), to show that a new
// route gets them without writing any field list.
import { describe, expect, it } from 'vitest'
import { bodyRules, checkJsonBody } from './request-rules'

const EMBEDDINGS = 'embeddings_v1_embeddings_post'

describe('request rules from the spec', () => {
  it('reads the field list of any operation with a JSON body', () => {
    const rules = bodyRules(EMBEDDINGS)
    expect([...rules.allowed]).toContain('output_dimension')
    expect(rules.required).toEqual(expect.arrayContaining(['model', 'input']))
    expect(rules.closed).toBe(true)
  })

  it('answers unknown and missing fields with one 422 in the service shape, missing first in declaration order', () => {
    const checked = checkJsonBody(EMBEDDINGS, JSON.stringify({ user: 'me', dimensions: 3 }))
    expect(checked).toEqual({
      ok: false,
      status: 422,
      body: {
        object: 'error',
        message: {
          detail: [
            { type: 'missing', loc: ['body', 'model'], msg: 'Field required', input: { user: 'me', dimensions: 3 } },
            { type: 'missing', loc: ['body', 'input'], msg: 'Field required', input: { user: 'me', dimensions: 3 } },
            { type: 'extra_forbidden', loc: ['body', 'user'], msg: 'Extra inputs are not permitted', input: 'me' },
            { type: 'extra_forbidden', loc: ['body', 'dimensions'], msg: 'Extra inputs are not permitted', input: 3 },
          ],
        },
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    })
  })

  it('passes a valid body through and adds the route-specific issues to the same 422', () => {
    const body = { model: 'mistral-embed', input: ['a'] }
    expect(checkJsonBody(EMBEDDINGS, JSON.stringify(body))).toEqual({ ok: true, body })
    const more = () => [{ type: 'list_type', loc: ['body', 'input'], msg: 'Input should be a valid list', input: 1 }]
    const checked = checkJsonBody(EMBEDDINGS, JSON.stringify({ model: 'mistral-embed', input: 1, x: 1 }), more)
    expect(checked.ok).toBe(false)
    const detail = (checked as { body: { message: { detail: { type: string }[] } } }).body.message.detail
    expect(detail.map((d) => d.type)).toEqual(['extra_forbidden', 'list_type'])
  })

  it('422 for a body that is not JSON or not an object', () => {
    const notJson = checkJsonBody(EMBEDDINGS, '{"model":')
    expect(notJson).toMatchObject({ ok: false, status: 422, body: { message: { detail: [{ type: 'json_invalid', loc: ['body', 0] }] } } })
    const list = checkJsonBody(EMBEDDINGS, '[]')
    expect(list).toMatchObject({ ok: false, status: 422, body: { message: { detail: [{ type: 'model_attributes_type', loc: ['body'] }] } } })
  })

  it('throws for an unknown operationId or one without a JSON body, so a route finds out at once', () => {
    expect(() => bodyRules('no_such_operation')).toThrow(/no operation no_such_operation/)
    expect(() => bodyRules('list_models_v1_models_get')).toThrow(/takes no JSON request body/)
  })
})
