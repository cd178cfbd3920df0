/** The batch channels through dispatch(): check, create, progress, cancel, results linked to requests, usage once. */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '../kernel/db/database'
import { CoreHarness } from '../testing/core-harness'

let h: CoreHarness | null = null
async function start(): Promise<CoreHarness> {
  h = await CoreHarness.start()
  await h.ok('keys.set', { key: h.sim.key })
  h.sim.configure({ timeScale: 0 })
  return h
}
afterEach(async () => {
  await h?.stop()
  h = null
})

const chat = (id: string, q: string) => JSON.stringify({ custom_id: id, body: { messages: [{ role: 'user', content: q }], max_tokens: 10 } })
function jsonl(core: CoreHarness, name: string, lines: string[]): string {
  const p = path.join(core.dataDir, name)
  fs.writeFileSync(p, lines.join('\n') + '\n')
  return p
}
const CHAT = '/v1/chat/completions' as const

describe('batch', () => {
  it('checks a file locally and lists bad lines by number', async () => {
    const core = await start()
    const p = jsonl(core, 'bad.jsonl', [chat('a', 'one'), '{"custom_id":"b"}', chat('a', 'dup'), 'nope', JSON.stringify({ body: { prompt: 'x' } })])
    const check = await core.ok('batch.check', { path: p, endpoint: CHAT })
    expect(check).toMatchObject({ lines: 5, validLines: 1, badLines: 4 })
    expect(check.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'Missing "body": the request to send, as an object.'],
      [3, 'custom_id "a" is used twice; results could not be told apart.'],
      [4, expect.stringMatching(/^Not valid JSON/)],
      [5, 'The body has no "messages", which /v1/chat/completions needs.'],
    ])
    const refused = await core.call('batch.create', { path: p, endpoint: CHAT, model: 'mistral-small-latest' })
    expect(refused.ok ? null : refused.error.message).toMatch(/4 bad line\(s\); the first is line 2/)
    expect(core.sim.requests.some((r) => r.path === '/v1/batch/jobs')).toBe(false)
  })

  it('runs a job round trip: progress, results linked to their requests, usage recorded once', async () => {
    const core = await start()
    const p = jsonl(core, 'ok.jsonl', [chat('first', 'What is cheese?'), chat('second', 'What is wine?'), JSON.stringify({ body: { messages: [{ role: 'user', content: 'no id' }] } })])
    const created = await core.ok('batch.create', { path: p, endpoint: CHAT, model: 'mistral-small-latest' })
    expect(created).toMatchObject({ status: 'QUEUED', totalRequests: 3, progress: 0 })
    const early = await core.call('batch.results', { jobId: created.id })
    expect(early.ok ? null : early.error.message).toMatch(/results come when it has finished/)
    core.sim.advance(3)
    expect(await core.ok('batch.get', { jobId: created.id })).toMatchObject({ status: 'RUNNING', completedRequests: 1 })
    core.sim.advance(10)
    expect(await core.ok('batch.get', { jobId: created.id })).toMatchObject({ status: 'SUCCESS', progress: 1 })
    const rows = await core.ok('batch.results', { jobId: created.id })
    expect(rows.map((r) => [r.customId, r.statusCode])).toEqual([['first', 200], ['second', 200], [null, 200]])
    expect(rows[0]?.response).toMatch(/^Echo: What is cheese\?/)
    expect(JSON.parse(rows[1]?.request ?? '{}')).toMatchObject({ messages: [{ content: 'What is wine?' }] })
    expect(rows[2]?.response).toMatch(/^Echo: no id/)
    await core.ok('batch.results', { jobId: created.id })

    const db = new Database(path.join(core.dataDir, DB_FILE), { readonly: true })
    const ledger = db.prepare("SELECT model, prompt_tokens, completion_tokens FROM usage_ledger WHERE kind = 'batch'").all()
    db.close()
    expect(ledger).toHaveLength(1)
    expect(ledger[0]).toMatchObject({ model: 'mistral-small-latest', completion_tokens: 10 + 10 + 40 })
    expect((await core.ok('batch.list', {})).map((j) => j.id)).toEqual([created.id])
  })

  it('cancels a job; results then say which requests never ran', async () => {
    const core = await start()
    const p = jsonl(core, 'many.jsonl', Array.from({ length: 20 }, (_, i) => chat(`q${i}`, `question ${i}`)))
    const created = await core.ok('batch.create', { path: p, endpoint: CHAT, model: 'mistral-small-latest' })
    core.sim.advance(5)
    expect((await core.ok('batch.cancel', { jobId: created.id })).status).toBe('CANCELLATION_REQUESTED')
    core.sim.advance(10)
    const job = await core.ok('batch.get', { jobId: created.id })
    expect(job).toMatchObject({ status: 'CANCELLED', completedRequests: 3 })
    const rows = await core.ok('batch.results', { jobId: created.id })
    expect(rows.filter((r) => r.statusCode === 200)).toHaveLength(3)
    expect(rows[19]?.error).toMatch(/not run/)
  })
})
