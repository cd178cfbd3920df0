/**
 * Follows running jobs: polls each watched job, first after `firstMs`, then backing off
 * by `factor` up to `maxMs` while nothing changes (and back to `firstMs` when the status
 * does), until it finishes or is unwatched. The renderer unwatches while the window is
 * hidden, so a minimised app does not keep polling.
 */
import type { FineTuningJob } from '../../../shared/domain'
import { FINISHED } from './job-mapping'

export interface PollTiming {
  firstMs: number
  maxMs: number
  factor: number
}

export const DEFAULT_POLL: PollTiming = { firstMs: 2_000, maxMs: 30_000, factor: 1.6 }

/** The next delay after one poll: reset on a status change, otherwise longer, capped. */
export function nextDelay(previousMs: number, changed: boolean, timing: PollTiming): number {
  return changed ? timing.firstMs : Math.min(timing.maxMs, Math.round(previousMs * timing.factor))
}

interface Watch {
  timer: ReturnType<typeof setTimeout> | null
  controller: AbortController
  delayMs: number
  status: string | null
}

export class JobPoller {
  private readonly watches = new Map<string, Watch>()

  constructor(
    private readonly fetchJob: (jobId: string, signal: AbortSignal) => Promise<FineTuningJob>,
    /** Gets every poll's result; `nextPollAt` null when polling ended. */
    private readonly onUpdate: (jobId: string, job: FineTuningJob, nextPollAt: number | null) => void,
    private readonly onError: (jobId: string, err: unknown) => void,
    private readonly now: () => number,
    private readonly timing: PollTiming = DEFAULT_POLL,
  ) {}

  watch(jobId: string): void {
    if (this.watches.has(jobId)) return
    const w: Watch = { timer: null, controller: new AbortController(), delayMs: this.timing.firstMs, status: null }
    this.watches.set(jobId, w)
    this.schedule(jobId, w, 0)
  }

  unwatch(jobId: string): boolean {
    const w = this.watches.get(jobId)
    if (!w) return false
    if (w.timer) clearTimeout(w.timer)
    w.controller.abort()
    this.watches.delete(jobId)
    return true
  }

  isWatching(jobId: string): boolean {
    return this.watches.has(jobId)
  }

  close(): void {
    for (const id of [...this.watches.keys()]) this.unwatch(id)
  }

  private schedule(jobId: string, w: Watch, delayMs: number): void {
    w.timer = setTimeout(() => void this.poll(jobId, w), delayMs)
  }

  private async poll(jobId: string, w: Watch): Promise<void> {
    w.timer = null
    try {
      const job = await this.fetchJob(jobId, w.controller.signal)
      if (this.watches.get(jobId) !== w) return // Unwatched while the request was out.
      if (FINISHED.has(job.status)) {
        this.watches.delete(jobId)
        this.onUpdate(jobId, job, null)
        return
      }
      const changed = w.status !== null && w.status !== job.status
      w.delayMs = w.status === null ? this.timing.firstMs : nextDelay(w.delayMs, changed, this.timing)
      w.status = job.status
      this.onUpdate(jobId, job, this.now() + w.delayMs)
      this.schedule(jobId, w, w.delayMs)
    } catch (err) {
      if (this.watches.get(jobId) !== w) return
      this.watches.delete(jobId)
      this.onError(jobId, err)
    }
  }
}
