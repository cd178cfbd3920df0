// Conformance of /v1/batch/jobs*: the SDK creates, lists, gets, cancels and deletes
// jobs; bodies validate against the spec; results equal the live endpoints' replies.
import { beforeEach, describe, expect, it } from 'vitest'
import { sdkError, spec, useSimulator } from '../../testing/conformance-kit'

// The echo replies, so a result can be matched to its request.
const t = useSimulator({ replyStyle: 'echo' })
// A stopped clock: only advance() moves the jobs, so a loaded machine cannot skew the counts.
beforeEach(() => t.sim.configure({ timeScale: 0 }))

const chatRequests = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ customId: `q${i}`, body: { messages: [{ role: 'user', content: `question ${i}` }], max_tokens: 20 } }))

describe('batch jobs', () => {
  it('runs QUEUED → RUNNING → SUCCESS with progress, then gives inline results linked by custom_id', async () => {
    const job = await t.sdk.batch.jobs.create({ endpoint: '/v1/chat/completions', model: 'mistral-small-latest', requests: chatRequests(3) })
    expect(job).toMatchObject({ status: 'QUEUED', totalRequests: 3, completedRequests: 0 })
    t.sim.advance(3)
    expect(await t.sdk.batch.jobs.get({ jobId: job.id })).toMatchObject({ status: 'RUNNING', completedRequests: 1 })
    t.sim.advance(5)
    const done = await t.sdk.batch.jobs.get({ jobId: job.id, inline: true })
    expect(done).toMatchObject({ status: 'SUCCESS', completedRequests: 3, succeededRequests: 3, failedRequests: 0 })
    const outputs = done.outputs ?? []
    expect(outputs.map((o) => o.custom_id)).toEqual(['q0', 'q1', 'q2'])
    const first = outputs[0] as { response: { status_code: number; body: { choices: { message: { content: string } }[] } } }
    expect(first.response.status_code).toBe(200)
    expect(first.response.body.choices[0]?.message.content).toMatch(/^Echo: question 0/)

    const raw = await t.api(`/v1/batch/jobs/${job.id}?inline=true`)
    expect(spec.response('GET', '/v1/batch/jobs/{job_id}', 200, 'application/json', await raw.json())).toEqual([])
    const list = await t.api('/v1/batch/jobs')
    expect(spec.response('GET', '/v1/batch/jobs', 200, 'application/json', await list.json())).toEqual([])
    expect((await t.sdk.batch.jobs.list({ status: ['SUCCESS'] })).total).toBe(1)
    expect((await t.sdk.batch.jobs.list({ status: ['RUNNING'] })).total).toBe(0)
  })

  it('counts failed requests and reports their errors', async () => {
    const requests = [
      { customId: 'ok', body: { input: ['hello'] } },
      { customId: 'bad', body: { input: ['hello'], dimensions: 3 } },
    ]
    const job = await t.sdk.batch.jobs.create({ endpoint: '/v1/embeddings', model: 'mistral-embed', requests })
    t.sim.advance(10)
    const done = await t.sdk.batch.jobs.get({ jobId: job.id, inline: true })
    expect(done).toMatchObject({ status: 'SUCCESS', succeededRequests: 1, failedRequests: 1 })
    expect(done.errors).toHaveLength(1)
    expect((done.outputs?.[1] as { response: { status_code: number } }).response.status_code).toBe(422)
  })

  it('cancels a running job, keeping what was done; deletes it', async () => {
    const job = await t.sdk.batch.jobs.create({ endpoint: '/v1/chat/completions', model: 'mistral-small-latest', requests: chatRequests(50) })
    t.sim.advance(7)
    const cancelling = await t.sdk.batch.jobs.cancel({ jobId: job.id })
    expect(cancelling.status).toBe('CANCELLATION_REQUESTED')
    const raw = await t.api(`/v1/batch/jobs/${job.id}/cancel`, { method: 'POST' })
    expect(spec.response('POST', '/v1/batch/jobs/{job_id}/cancel', 200, 'application/json', await raw.json())).toEqual([])
    t.sim.advance(100)
    const cancelled = await t.sdk.batch.jobs.get({ jobId: job.id })
    expect(cancelled).toMatchObject({ status: 'CANCELLED', completedRequests: 5 })
    expect((await sdkError(t.sdk.batch.jobs.cancel({ jobId: job.id }))).statusCode).toBe(400)
    expect(await t.sdk.batch.jobs.delete({ jobId: job.id })).toMatchObject({ id: job.id, deleted: true })
    expect((await sdkError(t.sdk.batch.jobs.get({ jobId: job.id }))).statusCode).toBe(404)
  })

  it('rejects bad requests: 422 for the schema, 400 for missing input or model, 404 for unknown files', async () => {
    expect((await t.api('/v1/batch/jobs', { body: { endpoint: '/v1/nothing', requests: [] } })).status).toBe(422)
    expect((await t.api('/v1/batch/jobs', { body: { model: 'mistral-small-latest' } })).status).toBe(422)
    expect((await t.api('/v1/batch/jobs', { body: { endpoint: '/v1/chat/completions', model: 'mistral-small-latest', timeout_hours: 500, requests: [{ body: {} }] } })).status).toBe(422)
    expect((await t.api('/v1/batch/jobs', { body: { endpoint: '/v1/chat/completions', model: 'mistral-small-latest' } })).status).toBe(400)
    expect((await t.api('/v1/batch/jobs', { body: { endpoint: '/v1/chat/completions', requests: [{ body: {} }] } })).status).toBe(400)
    const files = await t.api('/v1/batch/jobs', { body: { endpoint: '/v1/chat/completions', model: 'mistral-small-latest', input_files: ['3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b'] } })
    expect(files.status).toBe(404)
    expect((await t.api('/v1/batch/jobs/not-a-uuid')).status).toBe(422)
  })
})
