// The deprecated fine-tuning jobs API (2026-07 spec; dropped from the current spec and
// from the official SDK since 2.4.1). /__sim/config {fineTuning: 404|410} makes every
// route here answer as for an account without fine-tuning, or after the API is retired.
import { randomUUID } from 'node:crypto'
import { apiError, sendJson, validationError } from '../../http'
import type { Route, RouteContext } from '../route'
import { jobs, settleJobs, statusOf, TERMINAL, type SimJob } from './jobs'
import { detailedJobOut, dryRunOut, jobOut, TRAIN_TOKENS_PER_STEP } from './reply'
import { checkJobRequest, isUuid, uuidIssue } from './rules'

/** The 404/410 switch; true when the route must not run. */
function unavailable({ res, config, meter }: RouteContext): boolean {
  if (config.fineTuning === 'available') return false
  // FastAPI's default bodies: the route is gone (404), or the service says it is retired (410).
  const body = config.fineTuning === 404 ? { detail: 'Not Found' } : { detail: 'Gone' }
  sendJson(res, config.fineTuning, body, meter.charge(0))
  return true
}

/** The job the path names, after the 404/410 switch; answers and returns undefined otherwise. */
function jobOf(ctx: RouteContext): SimJob | undefined {
  if (unavailable(ctx)) return undefined
  const id = ctx.params.job_id ?? ''
  if (!isUuid(id)) {
    sendJson(ctx.res, 422, validationError([uuidIssue(['path', 'job_id'], id)]), ctx.meter.charge(0))
    return undefined
  }
  settleJobs(ctx.state, ctx.clock)
  const job = jobs(ctx.state).get(id)
  if (!job) sendJson(ctx.res, 404, apiError(`Fine-tuning job ${id} not found`, 'not_found_error', null), ctx.meter.charge(0))
  return job
}

export const listFineTuningJobs: Route = {
  method: 'GET',
  path: '/v1/fine_tuning/jobs',
  operationId: 'jobs_api_routes_fine_tuning_get_fine_tuning_jobs',
  handle: (ctx) => {
    if (unavailable(ctx)) return
    settleJobs(ctx.state, ctx.clock)
    const now = ctx.clock.nowSeconds()
    const page = Math.max(0, Number(ctx.query.get('page') ?? 0) || 0)
    const size = Math.max(1, Number(ctx.query.get('page_size') ?? 100) || 100)
    const status = ctx.query.get('status')
    const model = ctx.query.get('model')
    const all = [...jobs(ctx.state).values()]
      .filter((j) => (!status || statusOf(j, now).status === status) && (!model || j.model === model))
      .sort((a, b) => b.createdAt - a.createdAt)
    const data = all.slice(page * size, (page + 1) * size).map((j) => jobOut(j, now))
    sendJson(ctx.res, 200, { data, object: 'list', total: all.length }, ctx.meter.charge(0))
  },
}

export const createFineTuningJob: Route = {
  method: 'POST',
  path: '/v1/fine_tuning/jobs',
  operationId: 'jobs_api_routes_fine_tuning_create_fine_tuning_job',
  handle: (ctx) => {
    if (unavailable(ctx)) return
    const checked = checkJobRequest(ctx.body)
    if (!checked.ok) return sendJson(ctx.res, checked.status, checked.body, ctx.meter.charge(0))
    const r = checked.request
    const steps = r.hyperparameters.training_steps ?? 100
    const job: SimJob = {
      id: randomUUID(),
      model: r.model,
      autoStart: r.autoStart,
      suffix: r.suffix,
      trainingFiles: r.trainingFiles,
      validationFiles: r.validationFiles,
      hyperparameters: r.hyperparameters,
      createdAt: ctx.clock.nowSeconds(),
      startRequestedAt: null,
      cancelRequestedAt: null,
      trainTokens: steps * TRAIN_TOKENS_PER_STEP,
      modelCreated: false,
    }
    if (ctx.query.get('dry_run') === 'true') return sendJson(ctx.res, 200, dryRunOut(job), ctx.meter.charge(0))
    jobs(ctx.state).set(job.id, job)
    sendJson(ctx.res, 200, jobOut(job, job.createdAt), ctx.meter.charge(0))
  },
}

export const getFineTuningJob: Route = {
  method: 'GET',
  path: '/v1/fine_tuning/jobs/{job_id}',
  operationId: 'jobs_api_routes_fine_tuning_get_fine_tuning_job',
  handle: (ctx) => {
    const job = jobOf(ctx)
    if (job) sendJson(ctx.res, 200, detailedJobOut(job, ctx.clock.nowSeconds()), ctx.meter.charge(0))
  },
}

export const cancelFineTuningJob: Route = {
  method: 'POST',
  path: '/v1/fine_tuning/jobs/{job_id}/cancel',
  operationId: 'jobs_api_routes_fine_tuning_cancel_fine_tuning_job',
  handle: (ctx) => {
    const job = jobOf(ctx)
    if (!job) return
    const now = ctx.clock.nowSeconds()
    const status = statusOf(job, now).status
    if (TERMINAL.has(status)) {
      return sendJson(ctx.res, 400, apiError(`Cannot cancel a job with status ${status}`, 'invalid_request_error', null), ctx.meter.charge(0))
    }
    if (job.cancelRequestedAt === null) job.cancelRequestedAt = now
    sendJson(ctx.res, 200, detailedJobOut(job, now), ctx.meter.charge(0))
  },
}

export const startFineTuningJob: Route = {
  method: 'POST',
  path: '/v1/fine_tuning/jobs/{job_id}/start',
  operationId: 'jobs_api_routes_fine_tuning_start_fine_tuning_job',
  handle: (ctx) => {
    const job = jobOf(ctx)
    if (!job) return
    const now = ctx.clock.nowSeconds()
    const status = statusOf(job, now).status
    if (job.autoStart || job.startRequestedAt !== null || status !== 'VALIDATED') {
      const message = `Only a validated job that was created with auto_start false can be started; this one is ${status}`
      return sendJson(ctx.res, 400, apiError(message, 'invalid_request_error', null), ctx.meter.charge(0))
    }
    job.startRequestedAt = now
    sendJson(ctx.res, 200, detailedJobOut(job, now), ctx.meter.charge(0))
  },
}
