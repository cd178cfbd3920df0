// Conformance of the deprecated fine-tuning jobs API. The official SDK dropped it in
// 2.4.1, so these go over raw HTTP and validate against the 2026-07 spec that last
// listed the routes. Statuses move with the simulator's clock (advanced here).
import { beforeEach, describe, expect, it } from 'vitest'
import { createSpecValidator } from '../../spec-validator'
import { loadLegacySpec } from '../../spec'
import { useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()
// A stopped clock: only advance() moves the jobs, so a loaded machine cannot skew the counts.
beforeEach(() => t.sim.configure({ timeScale: 0 }))
const legacy = createSpecValidator(true, loadLegacySpec())
const FILE = '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'

type Job = { id: string; status: string; fine_tuned_model: string | null; events?: { name: string; data: { status: string } }[]; checkpoints?: { step_number: number; metrics: { train_loss: number; valid_loss: number | null } }[] }

const jobBody = (extra: object = {}) => ({
  model: 'mistral-small-latest',
  training_files: [{ file_id: FILE }],
  hyperparameters: { training_steps: 10, learning_rate: 0.0001 },
  ...extra,
})

async function create(extra: object = {}): Promise<Job> {
  const res = await t.api('/v1/fine_tuning/jobs', { body: jobBody(extra) })
  const body = (await res.json()) as Job
  expect(res.status, JSON.stringify(body)).toBe(200)
  expect(legacy.response('POST', '/v1/fine_tuning/jobs', 200, 'application/json', body)).toEqual([])
  return body
}

async function get(id: string): Promise<Job> {
  const res = await t.api(`/v1/fine_tuning/jobs/${id}`)
  expect(res.status).toBe(200)
  const body = (await res.json()) as Job
  expect(legacy.response('GET', '/v1/fine_tuning/jobs/{job_id}', 200, 'application/json', body)).toEqual([])
  return body
}

describe('fine-tuning jobs', () => {
  it('moves QUEUED → VALIDATING → VALIDATED → RUNNING → SUCCESS with events and checkpoints', async () => {
    const job = await create({ suffix: 'support-bot', validation_files: [FILE] })
    expect(job.status).toBe('QUEUED')
    expect(job.fine_tuned_model).toBeNull()
    const seen: string[] = []
    for (let i = 0; i < 90; i++) {
      const status = (await get(job.id)).status
      if (seen.at(-1) !== status) seen.push(status)
      t.sim.advance(1)
    }
    expect(seen).toEqual(['QUEUED', 'VALIDATING', 'VALIDATED', 'RUNNING', 'SUCCESS'])
    const done = await get(job.id)
    expect(done.fine_tuned_model).toMatch(/^ft:mistral-small-latest:support-bot:[0-9a-f]{8}:\d{8}:[0-9a-f]{8}$/)
    expect(done.events?.map((e) => e.data.status)).toEqual(['SUCCESS', 'RUNNING', 'VALIDATED', 'VALIDATING', 'QUEUED'])
    const checkpoints = done.checkpoints ?? []
    expect(checkpoints.length).toBe(6)
    expect(checkpoints[0]?.step_number).toBe(10)
    expect(checkpoints[0]?.metrics.valid_loss).not.toBeNull()
    const losses = checkpoints.map((c) => c.metrics.train_loss).reverse()
    expect([...losses].sort((a, b) => b - a)).toEqual(losses) // Loss falls as training goes on.

    const list = await t.api('/v1/fine_tuning/jobs')
    const body = await list.json()
    expect(legacy.response('GET', '/v1/fine_tuning/jobs', 200, 'application/json', body)).toEqual([])
    expect(body).toMatchObject({ object: 'list', total: 1, data: [{ id: job.id, status: 'SUCCESS' }] })
  })

  it('runs faster with timeScale', async () => {
    await fetch(`${t.sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ timeScale: 1000 }) })
    const job = await create()
    await new Promise((r) => setTimeout(r, 200)) // 200 simulated seconds
    expect((await get(job.id)).status).toBe('SUCCESS')
  })

  it('waits in VALIDATED without auto_start until /start', async () => {
    const job = await create({ auto_start: false })
    expect((await t.api(`/v1/fine_tuning/jobs/${job.id}/start`, { method: 'POST' })).status).toBe(400) // still QUEUED
    t.sim.advance(120)
    expect((await get(job.id)).status).toBe('VALIDATED')
    const started = await t.api(`/v1/fine_tuning/jobs/${job.id}/start`, { method: 'POST' })
    const body = await started.json()
    expect(legacy.response('POST', '/v1/fine_tuning/jobs/{job_id}/start', 200, 'application/json', body)).toEqual([])
    expect(body.status).toBe('RUNNING')
    t.sim.advance(61)
    expect((await get(job.id)).status).toBe('SUCCESS')
  })

  it('cancels: CANCELLATION_REQUESTED, then CANCELLED; a finished job cannot be cancelled', async () => {
    const job = await create()
    t.sim.advance(20)
    const res = await t.api(`/v1/fine_tuning/jobs/${job.id}/cancel`, { method: 'POST' })
    const body = await res.json()
    expect(legacy.response('POST', '/v1/fine_tuning/jobs/{job_id}/cancel', 200, 'application/json', body)).toEqual([])
    expect(body.status).toBe('CANCELLATION_REQUESTED')
    t.sim.advance(5)
    expect((await get(job.id)).status).toBe('CANCELLED')
    t.sim.advance(200)
    expect((await get(job.id)).status).toBe('CANCELLED')
    expect((await t.api(`/v1/fine_tuning/jobs/${job.id}/cancel`, { method: 'POST' })).status).toBe(400)
  })

  it('fails a job whose suffix starts with "fail", with a FAILED event', async () => {
    const job = await create({ suffix: 'fail-demo' })
    // Over HTTP, as a simulator in another process (the e2e host) is driven.
    const advanced = await fetch(`${t.sim.url}/__sim/advance`, { method: 'POST', body: JSON.stringify({ seconds: 200 }) })
    expect(advanced.status).toBe(200)
    expect((await fetch(`${t.sim.url}/__sim/advance`, { method: 'POST', body: '{"seconds":-1}' })).status).toBe(400)
    const done = await get(job.id)
    expect(done.status).toBe('FAILED')
    expect(done.fine_tuned_model).toBeNull()
    expect(done.events?.[0]?.data.status).toBe('FAILED')
  })

  it('dry_run returns the cost metadata and creates nothing', async () => {
    const res = await t.api('/v1/fine_tuning/jobs?dry_run=true', { body: jobBody() })
    const body = await res.json()
    expect(legacy.response('POST', '/v1/fine_tuning/jobs', 200, 'application/json', body)).toEqual([])
    expect(body).toMatchObject({ object: 'job.metadata', train_tokens: 10 * 131072, training_steps: 10 })
    expect(body.cost).toBeGreaterThan(0)
    expect((await (await t.api('/v1/fine_tuning/jobs')).json()).total).toBe(0)
  })

  it('rejects a long suffix, bad hyperparameters and file ids with 422, a model without fine-tuning with 400', async () => {
    const res = await t.api('/v1/fine_tuning/jobs', {
      body: jobBody({ suffix: 'x'.repeat(19), hyperparameters: { learning_rate: 2 }, training_files: [{ file_id: 'nope' }] }),
    })
    expect(res.status).toBe(422)
    const detail = ((await res.json()) as { message: { detail: { type: string; loc: unknown[] }[] } }).message.detail
    expect(detail.map((d) => d.type)).toEqual(['string_too_long', 'uuid_parsing', 'less_than_equal'])
    expect((await t.api('/v1/fine_tuning/jobs', { body: { model: 'mistral-small-latest' } })).status).toBe(422)
    const embed = await t.api('/v1/fine_tuning/jobs', { body: jobBody({ model: 'mistral-embed' }) })
    expect(embed.status).toBe(400)
    expect((await embed.json()).message).toMatch(/not available for fine-tuning/)
    expect((await t.api('/v1/fine_tuning/jobs/not-a-uuid')).status).toBe(422)
    expect((await t.api(`/v1/fine_tuning/jobs/${FILE}`)).status).toBe(404)
  })

  it('answers 404 or 410 on every route when switched off', async () => {
    const job = await create()
    for (const status of [404, 410] as const) {
      await fetch(`${t.sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ fineTuning: status }) })
      expect((await t.api('/v1/fine_tuning/jobs')).status).toBe(status)
      expect((await t.api('/v1/fine_tuning/jobs', { body: jobBody() })).status).toBe(status)
      expect((await t.api(`/v1/fine_tuning/jobs/${job.id}`)).status).toBe(status)
      expect((await t.api(`/v1/fine_tuning/jobs/${job.id}/cancel`, { method: 'POST' })).status).toBe(status)
    }
    const bad = await fetch(`${t.sim.url}/__sim/config`, { method: 'POST', body: JSON.stringify({ fineTuning: 403 }) })
    expect(bad.status).toBe(400)
  })
})
