// Simulated fine-tuning jobs. A job's status is a function of simulated time since it
// was created (and since start/cancel were asked), so it moves on its own and a test
// can jump ahead with /__sim/advance or a faster /__sim/config timeScale:
//   QUEUED → VALIDATING (5 s) → VALIDATED (15 s) → RUNNING (17 s) → SUCCESS (60 s later)
// auto_start false waits in VALIDATED for POST /start. A suffix starting with "fail"
// fails halfway through RUNNING (an invention: the simulator has no training to go wrong).
import type { SimClock } from '../../sim-clock'
import type { SimState } from '../../sim-state'
import { fineTunedModels, SIM_ORG } from '../models/fine-tuned-store'

export type JobStatus =
  | 'QUEUED'
  | 'STARTED'
  | 'VALIDATING'
  | 'VALIDATED'
  | 'RUNNING'
  | 'FAILED_VALIDATION'
  | 'FAILED'
  | 'SUCCESS'
  | 'CANCELLED'
  | 'CANCELLATION_REQUESTED'

export const VALIDATING_AFTER_S = 5
export const VALIDATED_AFTER_S = 15
/** An auto-started job shows VALIDATED briefly before RUNNING, as the service does. */
export const AUTO_START_DELAY_S = 2
export const RUN_SECONDS = 60
export const CHECKPOINT_EVERY_S = 10
const CANCEL_SECONDS = 3

export interface Hyperparameters {
  training_steps: number | null
  learning_rate: number
  weight_decay: number | null
  warmup_fraction: number | null
  epochs: number | null
  seq_len: number | null
  fim_ratio: number | null
}

export interface SimJob {
  id: string
  model: string
  autoStart: boolean
  suffix: string | null
  trainingFiles: string[]
  validationFiles: string[]
  hyperparameters: Hyperparameters
  /** Simulated seconds. */
  createdAt: number
  startRequestedAt: number | null
  cancelRequestedAt: number | null
  trainTokens: number
  /** Set once SUCCESS made its model, so deleting that model does not bring it back. */
  modelCreated: boolean
}

interface Phase {
  status: JobStatus
  at: number
}

export function jobs(state: SimState): Map<string, SimJob> {
  return state.slot('fine-tuning-jobs', () => new Map<string, SimJob>())
}

/** When RUNNING begins, or null while it waits for /start. */
function runStart(job: SimJob): number | null {
  const validated = job.createdAt + VALIDATED_AFTER_S
  if (job.autoStart) return validated + AUTO_START_DELAY_S
  return job.startRequestedAt === null ? null : Math.max(validated, job.startRequestedAt)
}

function endOf(job: SimJob): Phase | null {
  const start = runStart(job)
  if (start === null) return null
  const fails = job.suffix?.toLowerCase().startsWith('fail') ?? false
  return fails ? { status: 'FAILED', at: start + RUN_SECONDS / 2 } : { status: 'SUCCESS', at: start + RUN_SECONDS }
}

/** Every status the job has had up to `now`, oldest first. */
export function phases(job: SimJob, now: number): Phase[] {
  const planned: Phase[] = [
    { status: 'QUEUED', at: job.createdAt },
    { status: 'VALIDATING', at: job.createdAt + VALIDATING_AFTER_S },
    { status: 'VALIDATED', at: job.createdAt + VALIDATED_AFTER_S },
  ]
  const start = runStart(job)
  if (start !== null) planned.push({ status: 'RUNNING', at: start })
  const end = endOf(job)
  if (end) planned.push(end)
  const cancel = job.cancelRequestedAt
  const reached = planned.filter((p) => p.at <= now && (cancel === null || p.at < cancel))
  if (cancel !== null && cancel <= now) {
    reached.push({ status: 'CANCELLATION_REQUESTED', at: cancel })
    if (cancel + CANCEL_SECONDS <= now) reached.push({ status: 'CANCELLED', at: cancel + CANCEL_SECONDS })
  }
  return reached
}

export function statusOf(job: SimJob, now: number): Phase {
  return phases(job, now).at(-1) ?? { status: 'QUEUED', at: job.createdAt }
}

export const TERMINAL: ReadonlySet<JobStatus> = new Set(['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED'])

export function modelIdOf(job: SimJob): string {
  const date = new Date(job.createdAt * 1000).toISOString().slice(0, 10).replace(/-/g, '')
  const suffix = job.suffix ? `${job.suffix}:` : ''
  return `ft:${job.model}:${suffix}${SIM_ORG}:${date}:${job.id.slice(0, 8)}`
}

/** Checkpoints written while RUNNING, one every CHECKPOINT_EVERY_S, with a loss that falls. */
export function checkpoints(job: SimJob, now: number) {
  const start = runStart(job)
  if (start === null) return []
  const stop = Math.min(now, endOf(job)?.at ?? now, job.cancelRequestedAt ?? now)
  const steps = job.hyperparameters.training_steps ?? 100
  const out = []
  for (let t = start + CHECKPOINT_EVERY_S, i = 1; t <= stop; t += CHECKPOINT_EVERY_S, i++) {
    const trainLoss = round(0.4 + 1.6 * Math.exp(-i / 2))
    const hasValidation = job.validationFiles.length > 0
    out.push({
      metrics: {
        train_loss: trainLoss,
        valid_loss: hasValidation ? round(trainLoss + 0.08) : null,
        valid_mean_token_accuracy: hasValidation ? round(0.5 + 0.4 * (1 - Math.exp(-i / 2))) : null,
      },
      step_number: Math.min(steps, Math.round((steps * (t - start)) / RUN_SECONDS)),
      created_at: t,
    })
  }
  return out.reverse() // The service lists the newest checkpoint first.
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000
}

/** Turns jobs that reached SUCCESS by now into fine-tuned models (once each). */
export function settleJobs(state: SimState, clock: SimClock): void {
  const now = clock.nowSeconds()
  const models = fineTunedModels(state)
  for (const job of jobs(state).values()) {
    const status = statusOf(job, now)
    if (status.status === 'SUCCESS' && !job.modelCreated) {
      job.modelCreated = true
      const id = modelIdOf(job)
      models.set(id, { id, root: job.model, job: job.id, created: status.at, archived: false, name: null, description: null })
    }
  }
}
