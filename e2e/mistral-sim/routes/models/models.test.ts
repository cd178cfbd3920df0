// Conformance of GET /v1/models and GET /v1/models/{model_id}: the SDK accepts
// the cards, the spec's schemas do, and the cards carry the catalog's facts.
import { describe, expect, it } from 'vitest'
import { cardId, spec, useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()

describe('GET /v1/models', () => {
  it('passes the SDK and the spec', async () => {
    const list = await t.sdk.models.list()
    const ids = (list.data ?? []).map(cardId)
    expect(ids).toContain('mistral-small-latest')
    expect(ids).toContain('mistral-small-2603')
    expect(ids).not.toContain('open-mistral-7b') // Retired in the catalog

    const res = await t.api('/v1/models')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { object: string; data: Record<string, unknown>[] }
    expect(spec.response('GET', '/v1/models', 200, 'application/json', body)).toEqual([])
    for (const card of body.data) expect(spec.schema('BaseModelCard', card)).toEqual([])
    expect(body.object).toBe('list')
    expect(new Set(body.data.map((c) => c.id)).size).toBe(body.data.length)
  })

  it('maps catalog facts onto cards', async () => {
    const list = await t.sdk.models.list()
    const card = (id: string) => {
      const found = list.data?.find((c) => cardId(c) === id)
      if (!found || !('type' in found) || found.type !== 'base') throw new Error(`no base card ${id}`)
      return found
    }
    const small = card('mistral-small-latest')
    expect(small.aliases).toEqual(['mistral-small-2603'])
    expect(card('mistral-small-2603').aliases).toEqual(['mistral-small-latest'])
    expect(small.capabilities).toMatchObject({ completionChat: true, functionCalling: true, vision: true })
    expect(small.maxContextLength).toBe(256 * 1024)
    expect(small.defaultModelTemperature).toBe(0.7)
    expect(small.deprecation).toBeNull()
    expect(card('codestral-latest').capabilities.completionFim).toBe(true)
    expect(card('codestral-latest').defaultModelTemperature).toBe(0.3)
    expect(card('codestral-embed').maxContextLength).toBe(8192)
    expect(card('mistral-embed').capabilities.completionChat).toBe(false)
    expect(card('mistral-embed').defaultModelTemperature).toBeNull()
    expect(card('magistral-medium-latest').capabilities.reasoning).toBe(true)
    expect(card('mistral-ocr-latest').capabilities.ocr).toBe(true)
    expect(card('mistral-moderation-2603').capabilities.moderation).toBe(true)
    expect(card('mistral-large-2411').deprecation).toBeInstanceOf(Date) // Deprecated in the catalog
  })

  it('retrieves one card', async () => {
    const one = await t.sdk.models.retrieve({ modelId: 'mistral-large-latest' })
    expect(cardId(one)).toBe('mistral-large-latest')
    const res = await t.api('/v1/models/mistral-large-latest')
    expect(spec.response('GET', '/v1/models/{model_id}', 200, 'application/json', await res.json())).toEqual([])
    expect((await t.api('/v1/models/no-such-model')).status).toBe(404)
  })
})
