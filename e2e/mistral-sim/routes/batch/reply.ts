// The BatchJob body, with inline `outputs` (one line per finished request, in the
// shape of the output file's lines) when ?inline=true asks for them.
import { progressOf, TERMINAL_BATCH, type SimBatchJob } from './jobs'

export function batchJobOut(job: SimBatchJob, now: number, inline: boolean) {
  const p = progressOf(job, now)
  const done = job.requests.slice(0, p.completed)
  const succeeded = done.filter((r) => r.result.status === 200).length
  const errorCounts = new Map<string, number>()
  for (const r of done) {
    if (r.result.status !== 200) {
      const message = errorMessage(r.result.body)
      errorCounts.set(message, (errorCounts.get(message) ?? 0) + 1)
    }
  }
  return {
    id: job.id,
    object: 'batch' as const,
    input_files: job.inputFiles,
    metadata: job.metadata,
    endpoint: job.endpoint,
    model: job.model,
    agent_id: job.agentId,
    output_file: null,
    error_file: null,
    errors: [...errorCounts].map(([message, count]) => ({ message, count })),
    outputs: inline && TERMINAL_BATCH.has(p.status) ? done.map((r, i) => outputLine(job, i, r)) : null,
    status: p.status,
    created_at: job.createdAt,
    total_requests: job.requests.length,
    completed_requests: p.completed,
    succeeded_requests: succeeded,
    failed_requests: p.completed - succeeded,
    started_at: p.startedAt,
    completed_at: p.completedAt,
  }
}

function outputLine(job: SimBatchJob, index: number, r: SimBatchJob['requests'][number]) {
  const ok = r.result.status === 200
  return {
    id: `batch-${job.id.slice(0, 8)}-${index}`,
    custom_id: r.customId,
    response: { status_code: r.result.status, body: r.result.body },
    error: ok ? null : { message: errorMessage(r.result.body), code: r.result.status },
  }
}

function errorMessage(body: unknown): string {
  const message = (body as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : JSON.stringify(message ?? body)
}
