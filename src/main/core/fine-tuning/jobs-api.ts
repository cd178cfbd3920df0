/**
 * The deprecated fine-tuning jobs API over plain HTTP (the official SDK dropped it in
 * 2.4.1). A 404 from the route itself or a 410 means the account has no fine-tuning or
 * Mistral retired the API: that becomes one plain message with a docs link, never a
 * stack trace. A 404 naming a job is just that job missing.
 */
import type { z } from 'zod'
import type { jobInput } from '../../../shared/contract/fine-tuning'
import { AppErrorException, appError } from '../../../shared/errors'
import { directRequest, HttpError, type DirectRequest } from '../kernel/mistral/direct-request'
import { toAppError } from '../kernel/mistral/errors'
import type { ApiEstimate, ApiJob } from './job-mapping'

export const FINE_TUNING_DOCS = 'https://docs.mistral.ai/capabilities/finetuning/'
export const UNAVAILABLE_MESSAGE = `Fine-tuning is not available for this account, or Mistral has retired its fine-tuning API. See ${FINE_TUNING_DOCS}`

export type JobInput = z.output<typeof jobInput>

export interface JobsApiDeps {
  serverURL: string
  requireKey(): string
  secrets(): readonly string[]
}

/** FastAPI's body for a path it does not serve, as opposed to a missing job. */
function isRouteGone(err: HttpError): boolean {
  if (err.statusCode === 410) return true
  try {
    return (JSON.parse(err.body) as { detail?: unknown }).detail === 'Not Found'
  } catch {
    return false
  }
}

export class JobsApi {
  constructor(private readonly deps: JobsApiDeps) {}

  list(): Promise<{ data?: ApiJob[] }> {
    return this.call({ method: 'GET', path: '/v1/fine_tuning/jobs?page_size=100' })
  }

  get(jobId: string, signal?: AbortSignal): Promise<ApiJob> {
    return this.call({ method: 'GET', path: `/v1/fine_tuning/jobs/${encodeURIComponent(jobId)}`, ...(signal ? { signal } : {}) })
  }

  create(input: JobInput, dryRun: boolean): Promise<ApiJob | ApiEstimate> {
    const hp = input.hyperparameters
    const body = {
      model: input.model,
      training_files: input.trainingFiles.map((file_id) => ({ file_id, weight: 1 })),
      ...(input.validationFiles?.length ? { validation_files: input.validationFiles } : {}),
      ...(input.suffix ? { suffix: input.suffix } : {}),
      auto_start: input.autoStart ?? true,
      hyperparameters: {
        ...(hp.trainingSteps !== undefined ? { training_steps: hp.trainingSteps } : {}),
        ...(hp.epochs !== undefined ? { epochs: hp.epochs } : {}),
        ...(hp.learningRate !== undefined ? { learning_rate: hp.learningRate } : {}),
      },
    }
    return this.call({ method: 'POST', path: `/v1/fine_tuning/jobs${dryRun ? '?dry_run=true' : ''}`, body })
  }

  action(jobId: string, action: 'start' | 'cancel'): Promise<ApiJob> {
    return this.call({ method: 'POST', path: `/v1/fine_tuning/jobs/${encodeURIComponent(jobId)}/${action}` })
  }

  private async call<T>(req: DirectRequest): Promise<T> {
    try {
      return await directRequest<T>(this.deps.serverURL, this.deps.requireKey(), req)
    } catch (err) {
      if (err instanceof HttpError && (err.statusCode === 404 || err.statusCode === 410) && isRouteGone(err)) {
        throw new AppErrorException(appError('not_found', UNAVAILABLE_MESSAGE, { status: err.statusCode }))
      }
      throw new AppErrorException(toAppError(err, this.deps.secrets()))
    }
  }
}
