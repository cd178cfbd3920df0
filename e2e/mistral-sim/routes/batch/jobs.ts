// Simulated batch jobs. Every result is computed when the job is created (the same
// replies the live endpoints give) and revealed as simulated time passes:
//   QUEUED → RUNNING (2 s) → one request done per simulated second → SUCCESS
// (FAILED when every request failed). A cancel stops the count where it is.
import type { SimState } from '../../sim-state'
import type { BatchResult } from './run-request'

export type BatchStatus = 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED' | 'TIMEOUT_EXCEEDED' | 'CANCELLATION_REQUESTED' | 'CANCELLED'

export const RUNNING_AFTER_S = 2
export const SECONDS_PER_REQUEST = 1
const CANCEL_SECONDS = 2

export interface SimBatchJob {
  id: string
  endpoint: string
  model: string | null
  agentId: string | null
  metadata: Record<string, unknown> | null
  inputFiles: string[]
  timeoutHours: number
  /** Simulated seconds. */
  createdAt: number
  cancelRequestedAt: number | null
  requests: { customId: string | null; result: BatchResult }[]
}

export function batchJobs(state: SimState): Map<string, SimBatchJob> {
  return state.slot('batch-jobs', () => new Map<string, SimBatchJob>())
}

export interface BatchProgress {
  status: BatchStatus
  completed: number
  startedAt: number | null
  completedAt: number | null
}

export function progressOf(job: SimBatchJob, now: number): BatchProgress {
  const start = job.createdAt + RUNNING_AFTER_S
  const total = job.requests.length
  const end = start + total * SECONDS_PER_REQUEST
  const deadline = job.createdAt + job.timeoutHours * 3600
  const stop = Math.min(now, job.cancelRequestedAt ?? now, deadline)
  const completed = Math.max(0, Math.min(total, Math.floor((stop - start) / SECONDS_PER_REQUEST)))
  const startedAt = stop >= start ? start : null
  const cancel = job.cancelRequestedAt
  if (cancel !== null && cancel < end && cancel <= now) {
    const cancelled = now >= cancel + CANCEL_SECONDS
    return { status: cancelled ? 'CANCELLED' : 'CANCELLATION_REQUESTED', completed, startedAt, completedAt: cancelled ? cancel + CANCEL_SECONDS : null }
  }
  if (deadline < end && now >= deadline) return { status: 'TIMEOUT_EXCEEDED', completed, startedAt, completedAt: deadline }
  if (now < start) return { status: 'QUEUED', completed: 0, startedAt: null, completedAt: null }
  if (now < end) return { status: 'RUNNING', completed, startedAt, completedAt: null }
  const allFailed = total > 0 && job.requests.every((r) => r.result.status !== 200)
  return { status: allFailed ? 'FAILED' : 'SUCCESS', completed: total, startedAt, completedAt: end }
}

export const TERMINAL_BATCH: ReadonlySet<BatchStatus> = new Set(['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED'])
