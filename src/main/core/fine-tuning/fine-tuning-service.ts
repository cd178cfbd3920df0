/**
 * Fine-tuning: checks datasets locally, creates and follows jobs over the jobs API, and
 * when a job succeeds bills its training once and refreshes the model list, so the new
 * model shows up in the chat model picker.
 */
import { basename } from 'node:path'
import { AppErrorException, appError } from '../../../shared/errors'
import type { Db } from '../kernel/db/database'
import type { UsageEvent } from '../kernel/usage/usage-recorder'
import type { DatasetCheck, FineTuningEstimate, FineTuningJob } from '../../../shared/domain'
import { checkDataset, type CheckOptions } from './dataset-checker'
import { toEstimate, toJob, type ApiEstimate, type ApiJob } from './job-mapping'
import type { JobInput, JobsApi } from './jobs-api'

export interface FineTuningDeps {
  api: JobsApi
  db: Db
  now(): number
  recordUsage(e: UsageEvent): void
  /** Refetches the model list, so a new fine-tuned model is listed. */
  refreshModels(): Promise<unknown>
}

export class FineTuningService {
  private readonly isBilled
  private readonly markBilled

  constructor(private readonly deps: FineTuningDeps) {
    this.isBilled = deps.db.prepare<[string], { job_id: string }>('SELECT job_id FROM fine_tuning_billed WHERE job_id = ?')
    this.markBilled = deps.db.prepare('INSERT OR IGNORE INTO fine_tuning_billed (job_id, billed_at) VALUES (?, ?)')
  }

  async checkDataset(path: string, opts: CheckOptions = {}): Promise<DatasetCheck> {
    try {
      return await checkDataset(path, opts)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
        const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : 'permission was denied'
        throw new AppErrorException(appError('invalid_input', `Cannot read ${basename(path)}: ${why}. Choose the dataset file again.`))
      }
      throw err
    }
  }

  async estimate(input: JobInput): Promise<FineTuningEstimate> {
    return toEstimate((await this.deps.api.create(input, true)) as ApiEstimate)
  }

  async create(input: JobInput): Promise<FineTuningJob> {
    return this.settle(toJob((await this.deps.api.create(input, false)) as ApiJob))
  }

  async list(): Promise<FineTuningJob[]> {
    const page = await this.deps.api.list()
    return Promise.all((page.data ?? []).map((j) => this.settle(toJob(j))))
  }

  async get(jobId: string, signal?: AbortSignal): Promise<FineTuningJob> {
    return this.settle(toJob(await this.deps.api.get(jobId, signal)))
  }

  async start(jobId: string): Promise<FineTuningJob> {
    return this.settle(toJob(await this.deps.api.action(jobId, 'start')))
  }

  async cancel(jobId: string): Promise<FineTuningJob> {
    return this.settle(toJob(await this.deps.api.action(jobId, 'cancel')))
  }

  /** Bills a finished job's training once and lists its model. */
  private async settle(job: FineTuningJob): Promise<FineTuningJob> {
    if (job.status !== 'SUCCESS' || this.isBilled.get(job.id)) return job
    const tokens = job.trainedTokens ?? 0
    this.deps.recordUsage({
      kind: 'fine_tuning',
      at: this.deps.now(),
      model: job.model,
      returnedModel: job.fineTunedModel,
      usage: { promptTokens: tokens, completionTokens: 0, totalTokens: tokens },
      conversationId: null,
      messageId: null,
      requestId: job.id,
    })
    this.markBilled.run(job.id, this.deps.now())
    await this.deps.refreshModels()
    return job
  }
}
