// Conformance of POST /v1/embeddings: the SDK and the spec accept the reply; vectors are
// deterministic unit vectors, related texts are near; options only where offered.
import { describe, expect, it } from 'vitest'
import { sdkError, spec, useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()

const cosine = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] ?? 0), 0)

async function embed(inputs: string[], model = 'mistral-embed'): Promise<number[][]> {
  const res = await t.sdk.embeddings.create({ model, inputs })
  return res.data.map((d) => d.embedding ?? [])
}

describe('POST /v1/embeddings', () => {
  it('passes the SDK and the spec: 1024 unit floats per input for mistral-embed', async () => {
    const res = await t.sdk.embeddings.create({ model: 'mistral-embed', inputs: ['Embed this sentence.', 'As well as this one.'] })
    expect(res.data).toHaveLength(2)
    expect(res.data.map((d) => d.index)).toEqual([0, 1])
    for (const d of res.data) {
      expect(d.embedding).toHaveLength(1024)
      expect(cosine(d.embedding ?? [], d.embedding ?? [])).toBeCloseTo(1, 4)
    }
    expect(res.usage.promptTokens).toBe(Math.ceil(20 / 4) + Math.ceil(20 / 4))
    expect(res.usage.completionTokens).toBe(0)

    const raw = await t.api('/v1/embeddings', { body: { model: 'mistral-embed', input: 'one string' } })
    expect(raw.status).toBe(200)
    expect(spec.response('POST', '/v1/embeddings', 200, 'application/json', await raw.json())).toEqual([])
  })

  it('is deterministic and puts related texts near each other', async () => {
    const query = 'cost of the trip to Lisbon'
    const texts = [query, 'the flights and hotel in Portugal came to 840 euros', 'my cat sleeps on the sofa all day', 'fix the bug in the typescript function']
    const [q, related, cat, code] = await embed(texts)
    const again = await embed([query])
    expect(again[0]).toEqual(q)
    const near = cosine(q!, related!)
    expect(near).toBeGreaterThan(0.5)
    expect(near).toBeGreaterThan(cosine(q!, cat!) + 0.3)
    expect(near).toBeGreaterThan(cosine(q!, code!) + 0.3)
  })

  it('offers output_dimension and output_dtype on codestral-embed only', async () => {
    const def = await t.sdk.embeddings.create({ model: 'codestral-embed', inputs: ['const x = 1'] })
    expect(def.data[0]?.embedding).toHaveLength(1536)
    const small = await t.sdk.embeddings.create({ model: 'codestral-embed', inputs: ['const x = 1'], outputDimension: 256 })
    expect(small.data[0]?.embedding).toHaveLength(256)
    const int8 = await t.sdk.embeddings.create({ model: 'codestral-embed', inputs: ['const x = 1'], outputDimension: 256, outputDtype: 'int8' })
    const ints = int8.data[0]?.embedding ?? []
    expect(ints.every((v) => Number.isInteger(v) && v >= -128 && v <= 127)).toBe(true)
    const binary = await t.sdk.embeddings.create({ model: 'codestral-embed', inputs: ['const x = 1'], outputDimension: 256, outputDtype: 'ubinary' })
    expect(binary.data[0]?.embedding).toHaveLength(32)

    expect((await sdkError(t.sdk.embeddings.create({ model: 'mistral-embed', inputs: ['x'], outputDimension: 256 }))).statusCode).toBe(400)
    expect((await sdkError(t.sdk.embeddings.create({ model: 'codestral-embed', inputs: ['x'], outputDimension: 4096 }))).statusCode).toBe(400)
    expect((await sdkError(t.sdk.embeddings.create({ model: 'mistral-small-latest', inputs: ['x'] }))).statusCode).toBe(400)
  })

  it('422 for unknown fields and wrong types', async () => {
    const res = await t.api('/v1/embeddings', { body: { model: 'mistral-embed', input: ['x'], dimensions: 3 } })
    expect(res.status).toBe(422)
    const detail = ((await res.json()) as { message: { detail: { type: string }[] } }).message.detail
    expect(detail.map((d) => d.type)).toEqual(['extra_forbidden'])
    expect((await t.api('/v1/embeddings', { body: { model: 'mistral-embed', input: [1] } })).status).toBe(422)
    expect((await t.api('/v1/embeddings', { body: { model: 'mistral-embed' } })).status).toBe(422)
  })
})
