import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import catalog from '../../../../../resources/model-catalog.json'
import { ConversationsRepo } from '../../conversations/conversations-repo'
import { openAppDatabase } from '../../schema'
import { makeTempDir } from '../../testing/temp-dir'
import { DB_FILE, type Db } from '../db/database'
import { PriceOverrides } from './price-overrides'
import { PriceTable } from './price-table'
import { rowCost, UsageLedger, type UsageKind } from './usage-ledger'
import { UsageRecorder, type UsageEvent } from './usage-recorder'

let tmp: ReturnType<typeof makeTempDir>
let db: Db
let ledger: UsageLedger
let overrides: PriceOverrides
let recorder: UsageRecorder

function open(dir: string) {
  db = openAppDatabase(dir)
  ledger = new UsageLedger(db)
  overrides = new PriceOverrides(db)
  recorder = new UsageRecorder({ ledger, prices: PriceTable.fromCatalog(catalog), overrides, keyLast4: () => 'wxyz' })
}

beforeEach(() => {
  tmp = makeTempDir()
  open(tmp.dir)
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

const AT = Date.parse('2026-10-15T10:00:00Z')
const event = (e: Partial<UsageEvent> = {}): UsageEvent => ({
  kind: 'chat',
  at: AT,
  model: 'mistral-small-latest',
  usage: { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 },
  conversationId: 'c1',
  messageId: 'm1',
  requestId: 'r1',
  ...e,
})

describe('UsageRecorder', () => {
  it('writes every field of the call, priced in USD and EUR', () => {
    const row = recorder.record(event({ returnedModel: 'mistral-small-2603' }))
    expect(ledger.since()).toEqual([row])
    expect(row).toMatchObject({
      endpoint: '/v1/chat/completions',
      model: 'mistral-small-latest',
      returnedModel: 'mistral-small-2603',
      billedModel: 'mistral-small-2603',
      keyLast4: 'wxyz',
      estimated: false,
      costMicroUsd: 450,
      costMicroEur: 370,
      priceSource: 'catalog:222f4ba@2026-08-21',
      pricesUsd: { input: 150_000, output: 600_000 },
    })
  })

  it('prices an alias at the dated model the API returned', () => {
    const row = recorder.record(event({ model: 'mistral-small-latest', returnedModel: 'mistral-small-2506' }))
    expect(row.billedModel).toBe('mistral-small-2506')
    expect(row.costMicroUsd).toBe(1000 * 0.1 + 500 * 0.3)
  })

  it('falls back to the alias price when the returned model is not in the catalog', () => {
    expect(recorder.record(event({ returnedModel: 'mistral-small-2699' })).costMicroUsd).toBe(450)
  })

  it('an unknown model is `unknown` with no cost, never 0', () => {
    const row = recorder.record(event({ model: 'ft:my-model' }))
    expect(row).toMatchObject({ priceSource: 'unknown', costMicroUsd: null, costMicroEur: null, pricesUsd: null })
  })

  it('a user override applies from its date, for the returned or the requested model', () => {
    const o = overrides.add({
      model: 'mistral-small-latest',
      effectiveFrom: AT,
      currency: 'USD',
      prices: { input: 0, cachedInput: null, output: 100_000, perThousandPages: null, perThousandAnnotatedPages: null, perMinute: null },
      note: 'negotiated',
      createdAt: AT,
    })
    expect(recorder.record(event({ at: AT - 1 })).costMicroUsd).toBe(450)
    const row = recorder.record(event({ returnedModel: 'mistral-small-2603' }))
    expect(row).toMatchObject({ priceSource: `override:${o.id}`, costMicroUsd: 50, costMicroEur: null })
    // Removing it later never changes the row it priced.
    overrides.remove(o.id)
    expect(ledger.since().find((r) => r.id === row.id)?.costMicroUsd).toBe(50)
    expect(recorder.record(event()).costMicroUsd).toBe(450)
  })

  it('OCR pages, annotated pages, audio seconds, cached tokens and batch each count', () => {
    expect(recorder.record(event({ kind: 'ocr', model: 'mistral-ocr-2512', usage: zero, pages: 10, annotatedPages: 2, documentId: 'd1' }))).toMatchObject({
      endpoint: '/v1/ocr',
      pages: 10,
      annotatedPages: 2,
      documentId: 'd1',
      costMicroUsd: 20_000 + 6_000,
    })
    expect(recorder.record(event({ kind: 'audio', model: 'voxtral-mini-latest', usage: zero, seconds: 90 }))).toMatchObject({ audioMs: 90_000, costMicroUsd: 4500 })
    expect(recorder.record(event({ model: 'zai-glm-5-2', usage: { promptTokens: 1000, cachedTokens: 600, completionTokens: 0, totalTokens: 1000 } })).costMicroUsd).toBe(
      Math.round(400 * 1.4 + 600 * 0.14),
    )
    expect(recorder.record(event({ batch: true })).costMicroUsd).toBe(225)
    expect(recorder.record(event({ kind: 'batch' }))).toMatchObject({ discountBp: 5000, costMicroUsd: 225 })
  })

  it('marks estimated counts', () => {
    expect(recorder.record(event({ estimated: true })).estimated).toBe(true)
    expect(ledger.since()[0]?.estimated).toBe(true)
  })

  it('a failing listener never loses the row', () => {
    recorder.onRecorded(() => {
      throw new Error('boom')
    })
    recorder.record(event())
    expect(ledger.since()).toHaveLength(1)
  })
})

const zero = { promptTokens: 0, completionTokens: 0, totalTokens: 0 }

describe('the ledger', () => {
  it('survives deleting the conversation (no FK, no cascade)', () => {
    const conversations = new ConversationsRepo(db)
    conversations.insert({ id: 'c1', title: 'T', model: 'm', createdAt: 1 })
    recorder.record(event())
    conversations.delete('c1')
    expect(ledger.since()).toHaveLength(1)
  })

  it('refuses updates and deletes', () => {
    recorder.record(event())
    expect(() => db.prepare('UPDATE usage_ledger SET prompt_tokens = 0').run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM usage_ledger').run()).toThrow(/append-only/)
  })

  it('recomputes every row of a seeded 10,000-row ledger with no difference', () => {
    const kinds: UsageKind[] = ['chat', 'title', 'embeddings', 'ocr', 'audio', 'batch', 'fim']
    const models: Record<string, string[]> = {
      chat: ['mistral-small-latest', 'mistral-large-latest', 'zai-glm-5-2', 'ft:unknown', 'magistral-medium-latest'],
      title: ['mistral-small-latest'],
      embeddings: ['mistral-embed', 'codestral-embed'],
      ocr: ['mistral-ocr-latest', 'mistral-ocr-2512'],
      audio: ['voxtral-mini-latest', 'voxtral-small-latest'],
      batch: ['mistral-medium-latest', 'ministral-8b-latest'],
      fim: ['codestral-latest'],
    }
    overrides.add({
      model: 'ministral-8b-latest',
      effectiveFrom: Date.parse('2026-03-01'),
      currency: 'EUR',
      prices: { input: 77_777, cachedInput: null, output: 33_333, perThousandPages: null, perThousandAnnotatedPages: null, perMinute: null },
      note: '',
      createdAt: 0,
    })
    // mulberry32: a seeded generator whose low bits are as random as its high ones.
    let seed = 42
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
    }
    db.transaction(() => {
      for (let i = 0; i < 10_000; i++) {
        const kind = kinds[rand(kinds.length)]!
        const list = models[kind]!
        const prompt = rand(200_000)
        recorder.record(
          event({
            kind,
            at: Date.parse('2025-01-01') + rand(700) * 86_400_000 + rand(86_400_000),
            model: list[rand(list.length)]!,
            usage: { promptTokens: prompt, cachedTokens: rand(3) === 0 ? rand(prompt + 1) : 0, completionTokens: kind === 'embeddings' ? 0 : rand(50_000), totalTokens: 0 },
            pages: kind === 'ocr' ? rand(1000) : 0,
            annotatedPages: kind === 'ocr' ? rand(50) : 0,
            seconds: kind === 'audio' ? rand(100_000) / 10 : 0,
            batch: rand(10) === 0,
            estimated: rand(20) === 0,
          }),
        )
      }
    })()
    const rows = ledger.since()
    expect(rows).toHaveLength(10_000)
    const diffs = rows.filter((r) => rowCost(r, r.pricesUsd) !== r.costMicroUsd || rowCost(r, r.pricesEur) !== r.costMicroEur)
    expect(diffs).toEqual([])
    expect(rows.every((r) => Number.isSafeInteger(r.costMicroUsd ?? 0) && Number.isSafeInteger(r.costMicroEur ?? 0))).toBe(true)
    // Both kinds of row exist, so the check above compared real prices and real unknowns.
    expect(rows.filter((r) => r.priceSource === 'unknown').length).toBeGreaterThan(100)
    expect(rows.filter((r) => r.priceSource.startsWith('override:')).length).toBeGreaterThan(100)
    expect(rows.filter((r) => (r.costMicroUsd ?? 0) > 0).length).toBeGreaterThan(5000)
  })
})

describe('rows from before usage 2', () => {
  it('are brought forward with the prices of the catalog they were priced with', () => {
    db.close()
    const dir = path.join(tmp.dir, 'old')
    fs.mkdirSync(dir)
    fs.copyFileSync(path.join(__dirname, '../db/fixtures/made-by-v2.sqlite'), path.join(dir, DB_FILE))
    open(dir)
    const rows = ledger.since()
    expect(rows).toHaveLength(6)
    for (const r of rows) {
      expect(r).toMatchObject({ endpoint: '/v1/chat/completions', billedModel: 'mistral-small-latest', priceSource: 'catalog:222f4ba' })
      expect(r.pricesUsd).toMatchObject({ input: 150_000, output: 600_000 })
      expect(rowCost(r, r.pricesUsd)).toBe(r.costMicroUsd)
      expect(rowCost(r, r.pricesEur)).toBe(r.costMicroEur)
    }
    // The fixture's first row: 18 prompt + 5 completion tokens, 6 micro-USD before and after.
    expect(rows[0]).toMatchObject({ promptTokens: 18, completionTokens: 5, costMicroUsd: 6 })
  })
})
