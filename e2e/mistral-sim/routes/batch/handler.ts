// /v1/batch/jobs*: create (inline requests run through the live endpoints' generators),
// list, get (with ?inline=true results), cancel and delete. Jobs move with the
// simulator's clock (jobs.ts).
import { randomUUID } from 'node:crypto'
import { apiError, sendJson, validationError } from '../../http'
import { isUuid, uuidIssue } from '../fine-tuning/rules'
import type { Route, RouteContext } from '../route'
import { batchJobs, progressOf, TERMINAL_BATCH, type SimBatchJob } from './jobs'
import { batchJobOut } from './reply'
import { checkBatchRequest } from './rules'
import { runBatchRequest } from './run-request'

function jobOf(ctx: RouteContext): SimBatchJob | undefined {
  const id = ctx.params.job_id ?? ''
  if (!isUuid(id)) {
    sendJson(ctx.res, 422, validationError([uuidIssue(['path', 'job_id'], id)]), ctx.meter.charge(0))
    return undefined
  }
  const job = batchJobs(ctx.state).get(id)
  if (!job) sendJson(ctx.res, 404, apiError(`Batch job ${id} not found`, 'not_found_error', null), ctx.meter.charge(0))
  return job
}

export const listBatchJobs: Route = {
  method: 'GET',
  path: '/v1/batch/jobs',
  operationId: 'jobs_api_routes_batch_get_batch_jobs',
  handle: ({ res, query, state, clock, meter }) => {
    const now = clock.nowSeconds()
    const page = Math.max(0, Number(query.get('page') ?? 0) || 0)
    const size = Math.max(1, Number(query.get('page_size') ?? 100) || 100)
    const statuses = query.getAll('status')
    const model = query.get('model')
    const ascending = query.get('order_by') === 'created'
    const all = [...batchJobs(state).values()]
      .filter((j) => (statuses.length === 0 || statuses.includes(progressOf(j, now).status)) && (!model || j.model === model))
      .sort((a, b) => (ascending ? a.createdAt - b.createdAt : b.createdAt - a.createdAt))
    const data = all.slice(page * size, (page + 1) * size).map((j) => batchJobOut(j, now, false))
    sendJson(res, 200, { data, object: 'list', total: all.length }, meter.charge(0))
  },
}

export const createBatchJob: Route = {
  method: 'POST',
  path: '/v1/batch/jobs',
  operationId: 'jobs_api_routes_batch_create_batch_job',
  handle: ({ res, body, state, clock, meter, config }) => {
    const checked = checkBatchRequest(body)
    if (!checked.ok) return sendJson(res, checked.status, checked.body, meter.charge(0))
    const r = checked.request
    // No file exists until the files routes upload one; an input file is therefore unknown.
    const missing = r.inputFiles[0]
    if (missing) return sendJson(res, 404, apiError(`File ${missing} not found`, 'not_found_error', null), meter.charge(0))
    const job: SimBatchJob = {
      id: randomUUID(),
      endpoint: r.endpoint,
      model: r.model,
      agentId: r.agentId,
      metadata: r.metadata,
      inputFiles: r.inputFiles,
      timeoutHours: r.timeoutHours,
      createdAt: clock.nowSeconds(),
      cancelRequestedAt: null,
      requests: r.requests.map((q) => ({ customId: q.customId, result: runBatchRequest(r.endpoint, r.model, q.body, config) })),
    }
    batchJobs(state).set(job.id, job)
    sendJson(res, 200, batchJobOut(job, job.createdAt, false), meter.charge(0))
  },
}

export const getBatchJob: Route = {
  method: 'GET',
  path: '/v1/batch/jobs/{job_id}',
  operationId: 'jobs_api_routes_batch_get_batch_job',
  handle: (ctx) => {
    const job = jobOf(ctx)
    if (job) sendJson(ctx.res, 200, batchJobOut(job, ctx.clock.nowSeconds(), ctx.query.get('inline') === 'true'), ctx.meter.charge(0))
  },
}

export const deleteBatchJob: Route = {
  method: 'DELETE',
  path: '/v1/batch/jobs/{job_id}',
  operationId: 'jobs_api_routes_batch_delete_batch_job',
  handle: (ctx) => {
    const job = jobOf(ctx)
    if (!job) return
    batchJobs(ctx.state).delete(job.id)
    sendJson(ctx.res, 200, { id: job.id, object: 'batch', deleted: true }, ctx.meter.charge(0))
  },
}

export const cancelBatchJob: Route = {
  method: 'POST',
  path: '/v1/batch/jobs/{job_id}/cancel',
  operationId: 'jobs_api_routes_batch_cancel_batch_job',
  handle: (ctx) => {
    const job = jobOf(ctx)
    if (!job) return
    const now = ctx.clock.nowSeconds()
    const status = progressOf(job, now).status
    if (TERMINAL_BATCH.has(status)) {
      return sendJson(ctx.res, 400, apiError(`Cannot cancel a batch job with status ${status}`, 'invalid_request_error', null), ctx.meter.charge(0))
    }
    job.cancelRequestedAt ??= now
    sendJson(ctx.res, 200, batchJobOut(job, now, false), ctx.meter.charge(0))
  },
}
