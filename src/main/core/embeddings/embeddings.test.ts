/** The embeddings channels through dispatch(), against the simulator. */
import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '../kernel/db/database'
import { CoreHarness } from '../testing/core-harness'
import { bitSimilarity, cosine } from './similarity'

let h: CoreHarness | null = null
async function start(): Promise<CoreHarness> {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
  return h
}
afterEach(async () => {
  await h?.stop()
  h = null
})

describe('embeddings', () => {
  it('embeds texts, returns the cosine matrix, and records the call in the ledger', async () => {
    const core = await start()
    const texts = ['cost of the trip to Lisbon', 'the flights and hotel in Portugal came to 840 euros', 'my cat sleeps all day']
    const res = await core.ok('embeddings.embed', { model: 'mistral-embed', texts })
    expect(res).toMatchObject({ model: 'mistral-embed', dimension: 1024, dtype: 'float' })
    expect(res.vectors).toHaveLength(3)
    const [row0] = res.similarity
    expect(row0?.[0]).toBeCloseTo(1, 3)
    expect(row0?.[1]).toBeGreaterThan((row0?.[2] ?? 1) + 0.3)
    expect(res.similarity[1]?.[0]).toBe(row0?.[1])

    const db = new Database(path.join(core.dataDir, DB_FILE), { readonly: true })
    const rows = db.prepare("SELECT model, prompt_tokens FROM usage_ledger WHERE kind = 'embeddings'").all()
    db.close()
    expect(rows).toEqual([{ model: 'mistral-embed', prompt_tokens: res.promptTokens }])
  })

  it('offers dimension and dtype on codestral-embed, and explains why mistral-embed does not', async () => {
    const core = await start()
    const options = await core.ok('embeddings.options', {})
    expect(options.find((o) => o.model === 'codestral-embed')).toMatchObject({ maxDimension: 3072 })
    const small = await core.ok('embeddings.embed', { model: 'codestral-embed', texts: ['a', 'b'], outputDimension: 64, outputDtype: 'int8' })
    expect(small).toMatchObject({ dimension: 64, dtype: 'int8' })
    const bits = await core.ok('embeddings.embed', { model: 'codestral-embed', texts: ['a'], outputDimension: 64, outputDtype: 'ubinary' })
    expect(bits).toMatchObject({ dimension: 64, similarity: [[1]] })
    const fixed = await core.call('embeddings.embed', { model: 'mistral-embed', texts: ['a'], outputDimension: 256 })
    expect(fixed.ok ? null : fixed.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/fixed size of 1024/) })
    expect(core.sim.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(2)
  })

  it('computes cosine and bit similarity', () => {
    expect(cosine([1, 0], [0, 1])).toBe(0)
    expect(cosine([1, 1], [2, 2])).toBeCloseTo(1)
    expect(bitSimilarity([0b1111_0000], [0b1111_0000], false)).toBe(1)
    expect(bitSimilarity([0b1111_0000], [0b0000_1111], false)).toBe(-1)
    expect(bitSimilarity([-128], [127], true)).toBe(-1)
  })
})
