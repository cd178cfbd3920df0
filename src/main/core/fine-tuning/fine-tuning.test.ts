/** The finetuning channels through dispatch(), against the simulator's jobs API. */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventName, EventPayload } from '../../../shared/contract'
import type { FineTuningJobUpdate } from '../../../shared/domain'
import type { CallContext } from '../dispatch'
import { DB_FILE } from '../kernel/db/database'
import { CoreHarness } from '../testing/core-harness'
import { UNAVAILABLE_MESSAGE } from './jobs-api'

const FILE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'
const job = { model: 'mistral-small-latest', trainingFiles: [FILE], suffix: 'support', hyperparameters: { trainingSteps: 10 } }

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

/** A window that collects finetuning.job events. */
class Window implements CallContext {
  readonly updates: FineTuningJobUpdate[] = []
  private readonly closers: (() => void)[] = []
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (event === 'finetuning.job') this.updates.push(payload as FineTuningJobUpdate)
  }
  onClose(listener: () => void): void {
    this.closers.push(listener)
  }
  close(): void {
    this.closers.forEach((c) => c())
  }
}

function ledger(core: CoreHarness): { kind: string; model: string; prompt_tokens: number }[] {
  const db = new Database(path.join(core.dataDir, DB_FILE), { readonly: true })
  try {
    return db.prepare("SELECT kind, model, prompt_tokens FROM usage_ledger WHERE kind = 'fine_tuning'").all() as never
  } finally {
    db.close()
  }
}

describe('fine-tuning jobs', () => {
  it('creates a job that runs to SUCCESS; its model is listed and its training billed once', async () => {
    const core = await start()
    const estimate = await core.ok('finetuning.estimate', job)
    expect(estimate).toMatchObject({ trainTokens: 10 * 131072, trainingSteps: 10, cost: { currency: 'USD' } })
    const created = await core.ok('finetuning.create', job)
    expect(created).toMatchObject({ status: 'QUEUED', model: 'mistral-small-latest', suffix: 'support', fineTunedModel: null })
    core.sim.advance(200)
    const done = await core.ok('finetuning.get', { jobId: created.id })
    expect(done.status).toBe('SUCCESS')
    expect(done.events.map((e) => e.status)).toEqual(['SUCCESS', 'RUNNING', 'VALIDATED', 'VALIDATING', 'QUEUED'])
    expect(done.checkpoints.map((c) => c.step)).toEqual([...done.checkpoints.map((c) => c.step)].sort((a, b) => a - b))
    expect(done.checkpoints.at(-1)?.trainLoss).toBeLessThan(done.checkpoints[0]?.trainLoss ?? 0)

    const models = await core.ok('models.list', {})
    expect(models.find((m) => m.id === done.fineTunedModel)?.fineTuned).toMatchObject({ job: created.id, root: 'mistral-small-latest' })
    await core.ok('finetuning.get', { jobId: created.id })
    await core.ok('finetuning.list', {})
    expect(ledger(core)).toEqual([{ kind: 'fine_tuning', model: 'mistral-small-latest', prompt_tokens: 10 * 131072 }])
  })

  it('starts a job created without auto-start, and cancels another', async () => {
    const core = await start()
    const waiting = await core.ok('finetuning.create', { ...job, autoStart: false })
    core.sim.advance(30)
    expect((await core.ok('finetuning.get', { jobId: waiting.id })).status).toBe('VALIDATED')
    expect((await core.ok('finetuning.start', { jobId: waiting.id })).status).toBe('RUNNING')
    const other = await core.ok('finetuning.create', job)
    expect((await core.ok('finetuning.cancel', { jobId: other.id })).status).toBe('CANCELLATION_REQUESTED')
    core.sim.advance(5)
    expect((await core.ok('finetuning.get', { jobId: other.id })).status).toBe('CANCELLED')
    const again = await core.call('finetuning.cancel', { jobId: other.id })
    expect(again.ok ? null : again.error.code).toBe('invalid_input')
  })

  it('follows a job with events until it finishes, and stops when unwatched', async () => {
    const core = await start()
    const created = await core.ok('finetuning.create', job)
    const win = new Window()
    core.sim.advance(200)
    expect(await core.call('finetuning.watch', { jobId: created.id }, win as never)).toMatchObject({ ok: true })
    await expect.poll(() => win.updates.at(-1)?.nextPollAt, { timeout: 10_000 }).toBeNull()
    expect(win.updates.at(-1)?.job.status).toBe('SUCCESS')

    const running = await core.ok('finetuning.create', { ...job, suffix: 'second' })
    core.sim.advance(20)
    const win2 = new Window()
    await core.call('finetuning.watch', { jobId: running.id }, win2 as never)
    await expect.poll(() => win2.updates.length, { timeout: 10_000 }).toBeGreaterThan(0)
    expect(win2.updates[0]?.nextPollAt).toEqual(expect.any(Number))
    expect(await core.ok('finetuning.unwatch', { jobId: running.id })).toEqual({ stopped: true })
    expect(await core.ok('finetuning.unwatch', { jobId: running.id })).toEqual({ stopped: false })
  })

  it('says plainly that fine-tuning is unavailable on a 404 or 410, with the docs link', async () => {
    const core = await start()
    for (const status of [404, 410] as const) {
      core.sim.configure({ fineTuning: status })
      const res = await core.call('finetuning.list', {})
      expect(res.ok ? null : res.error).toMatchObject({ code: 'not_found', message: UNAVAILABLE_MESSAGE, status })
      expect(UNAVAILABLE_MESSAGE).toContain('https://docs.mistral.ai/')
    }
    core.sim.configure({ fineTuning: 'available' })
    const missing = await core.call('finetuning.get', { jobId: FILE })
    expect(missing.ok ? null : missing.error.code).toBe('not_found')
    expect(missing.ok ? '' : missing.error.message).not.toBe(UNAVAILABLE_MESSAGE)
  })

  it('rejects a suffix over 18 characters before calling Mistral', async () => {
    const core = await start()
    const res = await core.call('finetuning.create', { ...job, suffix: 'x'.repeat(19) })
    expect(res.ok ? null : res.error.code).toBe('invalid_input')
    expect(core.sim.requests.some((r) => r.path === '/v1/fine_tuning/jobs')).toBe(false)
  })

  it('checks a dataset file with progress events', async () => {
    const core = await start()
    const p = path.join(core.dataDir, 'train.jsonl')
    fs.writeFileSync(p, `${JSON.stringify({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }] })}\nnot json\n`)
    const progress: number[] = []
    const win = { emit: (_e: string, p: { bytesRead: number }) => progress.push(p.bytesRead), onClose: () => undefined }
    const report = await core.call('finetuning.checkDataset', { path: p, checkId: 'c1' }, win as never)
    expect(report).toMatchObject({ ok: true, value: { lines: 2, validLines: 1, errors: [{ line: 2, snippet: 'not json' }] } })
    expect(progress.at(-1)).toBe(fs.statSync(p).size)
    const gone = await core.call('finetuning.checkDataset', { path: path.join(core.dataDir, 'nope.jsonl') })
    expect(gone.ok ? null : gone.error).toMatchObject({ code: 'invalid_input', message: 'Cannot read nope.jsonl: it does not exist. Choose the dataset file again.' })
  })
})
