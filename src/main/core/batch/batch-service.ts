/**
 * Batch jobs from a local JSONL: check it, send its requests inline through the SDK,
 * follow the job, cancel it, and show each result next to its request. The usage of
 * a finished batch is recorded once, when its results are first read.
 */
import type { Mistral } from '@mistralai/mistralai'
import type { BatchJob } from '@mistralai/mistralai/models/components'
import type { BatchCheck, BatchJobView, BatchResultRow, BatchStatus } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { UsageEvent } from '../kernel/usage/usage-recorder'
import { readBatchFile } from './batch-file'
import type { BatchRepo } from './batch-repo'

const FINISHED = new Set<BatchStatus>(['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED'])

export interface BatchDeps {
  sdk(): Mistral
  repo: BatchRepo
  recordUsage(e: UsageEvent): void
  now(): number
}

export function toView(j: BatchJob): BatchJobView {
  const total = j.totalRequests
  return {
    id: j.id,
    status: j.status as BatchStatus,
    endpoint: j.endpoint,
    model: j.model ?? null,
    totalRequests: total,
    completedRequests: j.completedRequests,
    succeededRequests: j.succeededRequests,
    failedRequests: j.failedRequests,
    progress: total === 0 ? 0 : j.completedRequests / total,
    errors: j.errors.map((e) => ({ message: e.message, count: e.count ?? 1 })),
    createdAt: j.createdAt * 1000,
    startedAt: j.startedAt ? j.startedAt * 1000 : null,
    completedAt: j.completedAt ? j.completedAt * 1000 : null,
  }
}

interface OutputLine {
  custom_id?: string | null
  response?: { status_code?: number; body?: { usage?: { prompt_tokens?: number; completion_tokens?: number }; choices?: { message?: { content?: unknown } }[] } }
  error?: { message?: string } | null
}

function replyText(out: OutputLine): string | null {
  const body = out.response?.body
  if (!body) return null
  const content = body.choices?.[0]?.message?.content
  return typeof content === 'string' ? content : JSON.stringify(body)
}

export class BatchService {
  constructor(private readonly deps: BatchDeps) {}

  async check(path: string, endpoint: string): Promise<BatchCheck> {
    return (await readBatchFile(path, endpoint, false)).check
  }

  async create(path: string, endpoint: string, model: string, timeoutHours?: number): Promise<BatchJobView> {
    const { check, requests } = await readBatchFile(path, endpoint, true)
    if (check.errors.length > 0) {
      const first = check.errors[0]
      throw new AppErrorException(appError('invalid_input', `The file has ${check.badLines} bad line(s); the first is line ${first?.line}: ${first?.message} Check it before sending.`))
    }
    const job = await this.deps.sdk().batch.jobs.create({
      endpoint: endpoint as never,
      model,
      requests: requests.map((r) => ({ ...(r.customId !== null ? { customId: r.customId } : {}), body: r.body })),
      ...(timeoutHours ? { timeoutHours } : {}),
    })
    this.deps.repo.saveRequests(job.id, requests)
    return toView(job)
  }

  async list(): Promise<BatchJobView[]> {
    return ((await this.deps.sdk().batch.jobs.list({ pageSize: 100 })).data ?? []).map(toView)
  }

  async get(jobId: string): Promise<BatchJobView> {
    return toView(await this.deps.sdk().batch.jobs.get({ jobId }))
  }

  async cancel(jobId: string): Promise<BatchJobView> {
    return toView(await this.deps.sdk().batch.jobs.cancel({ jobId }))
  }

  async results(jobId: string): Promise<BatchResultRow[]> {
    const job = await this.deps.sdk().batch.jobs.get({ jobId, inline: true })
    if (!FINISHED.has(job.status as BatchStatus)) {
      throw new AppErrorException(appError('invalid_input', `The batch is ${job.status.toLowerCase()}; results come when it has finished.`))
    }
    const outputs = (job.outputs ?? []) as OutputLine[]
    this.bill(job, outputs)
    const requests = this.deps.repo.requests(jobId)
    const byCustomId = new Map(outputs.filter((o) => o.custom_id).map((o) => [o.custom_id as string, o]))
    return requests.map((req) => {
      // Results are matched by custom_id when the request had one, else by position.
      const out = req.customId !== null ? byCustomId.get(req.customId) : outputs[req.index]
      return {
        index: req.index,
        customId: req.customId,
        request: req.body,
        statusCode: out?.response?.status_code ?? null,
        response: out ? replyText(out) : null,
        error: out?.error?.message ?? (out ? null : 'No result: the request was not run (cancelled or timed out).'),
      }
    })
  }

  private bill(job: BatchJob, outputs: OutputLine[]): void {
    if (!this.deps.repo.claimBilling(job.id, this.deps.now())) return
    let promptTokens = 0
    let completionTokens = 0
    for (const o of outputs) {
      promptTokens += o.response?.body?.usage?.prompt_tokens ?? 0
      completionTokens += o.response?.body?.usage?.completion_tokens ?? 0
    }
    this.deps.recordUsage({
      kind: 'batch',
      at: this.deps.now(),
      model: job.model ?? 'unknown',
      usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
      conversationId: null,
      messageId: null,
      requestId: job.id,
    })
  }
}
