/** Batch jobs: local JSONL check, create, follow, cancel, results next to their requests. */
import type { FeatureModule } from '../module'
import { BatchRepo } from './batch-repo'
import { BatchService } from './batch-service'
import * as m001 from './migrations/001-batch-requests'

export const batchModule: FeatureModule = {
  name: 'batch',
  migrations: [m001],
  create(kernel) {
    const service = new BatchService({
      sdk: () => kernel.client.sdkFor(kernel.keys.requireKey()),
      repo: new BatchRepo(kernel.db),
      recordUsage: (e) => kernel.usage.record(e),
      now: () => kernel.clock.now(),
    })
    return {
      handlers: {
        'batch.check': ({ path, endpoint }) => service.check(path, endpoint),
        'batch.create': ({ path, endpoint, model, timeoutHours }) => service.create(path, endpoint, model, timeoutHours),
        'batch.list': () => service.list(),
        'batch.get': ({ jobId }) => service.get(jobId),
        'batch.cancel': ({ jobId }) => service.cancel(jobId),
        'batch.results': ({ jobId }) => service.results(jobId),
      },
    }
  },
}
