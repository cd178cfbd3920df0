/** SQL for the requests of the batch jobs we created and the jobs already billed. */
import type { Db } from '../kernel/db/database'
import type { BatchLine } from './batch-file'

export class BatchRepo {
  private readonly insert
  private readonly byJob
  private readonly billed
  private readonly markBilled

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO batch_requests (job_id, idx, custom_id, body_json) VALUES (?, ?, ?, ?)')
    this.byJob = db.prepare<[string], { idx: number; custom_id: string | null; body_json: string }>(
      'SELECT idx, custom_id, body_json FROM batch_requests WHERE job_id = ? ORDER BY idx',
    )
    this.billed = db.prepare<[string], { job_id: string }>('SELECT job_id FROM batch_billed WHERE job_id = ?')
    this.markBilled = db.prepare('INSERT OR IGNORE INTO batch_billed (job_id, billed_at) VALUES (?, ?)')
  }

  saveRequests(jobId: string, requests: readonly BatchLine[]): void {
    this.db.transaction(() => requests.forEach((r, i) => this.insert.run(jobId, i, r.customId, JSON.stringify(r.body))))()
  }

  requests(jobId: string): { index: number; customId: string | null; body: string }[] {
    return this.byJob.all(jobId).map((r) => ({ index: r.idx, customId: r.custom_id, body: r.body_json }))
  }

  /** True the first time only: the caller records the usage then. */
  claimBilling(jobId: string, at: number): boolean {
    if (this.billed.get(jobId)) return false
    return this.markBilled.run(jobId, at).changes === 1
  }
}
