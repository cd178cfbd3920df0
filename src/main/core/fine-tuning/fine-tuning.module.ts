/** Fine-tuning: "Check dataset", jobs over plain HTTP (the SDK dropped them), and polling with backoff. */
import type { CallContext } from '../dispatch'
import type { FeatureModule } from '../module'
import { toAppError } from '../kernel/mistral/errors'
import { FineTuningService } from './fine-tuning-service'
import { JobPoller } from './job-poller'
import { JobsApi } from './jobs-api'
import * as m001 from './migrations/001-fine-tuning-billed'

export const fineTuningModule: FeatureModule = {
  name: 'fine-tuning',
  migrations: [m001],
  create(kernel) {
    const { client, keys } = kernel
    const service = new FineTuningService({
      api: new JobsApi({ serverURL: client.serverURL, requireKey: () => keys.requireKey(), secrets: () => kernel.secrets() }),
      db: kernel.db,
      now: () => kernel.clock.now(),
      recordUsage: (e) => kernel.usage.record(e),
      refreshModels: () => client.listModels(keys.requireKey(), { refresh: true }),
    })
    /** Who asked to follow each job; events go to that window only. */
    const watchers = new Map<string, CallContext>()
    const poller = new JobPoller(
      (jobId, signal) => service.get(jobId, signal),
      (jobId, job, nextPollAt) => {
        watchers.get(jobId)?.emit('finetuning.job', { job, nextPollAt })
        if (nextPollAt === null) watchers.delete(jobId)
      },
      (jobId, err) => {
        kernel.logger.warn('fine-tuning poll failed', { jobId, error: toAppError(err, kernel.secrets()).message })
        watchers.delete(jobId)
      },
      () => kernel.clock.now(),
    )
    return {
      handlers: {
        'finetuning.checkDataset': ({ path, checkId }, ctx) =>
          service.checkDataset(path, checkId ? { onProgress: (bytesRead) => ctx.emit('finetuning.checkProgress', { checkId, bytesRead }) } : {}),
        'finetuning.estimate': (input) => service.estimate(input),
        'finetuning.create': (input) => service.create(input),
        'finetuning.list': () => service.list(),
        'finetuning.get': ({ jobId }) => service.get(jobId),
        'finetuning.start': ({ jobId }) => service.start(jobId),
        'finetuning.cancel': ({ jobId }) => service.cancel(jobId),
        'finetuning.watch': ({ jobId }, ctx) => {
          watchers.set(jobId, ctx)
          ctx.onClose(() => {
            if (watchers.get(jobId) === ctx) poller.unwatch(jobId)
          })
          poller.watch(jobId)
          return { watching: true }
        },
        'finetuning.unwatch': ({ jobId }) => {
          watchers.delete(jobId)
          return { stopped: poller.unwatch(jobId) }
        },
      },
      close: () => poller.close(),
    }
  },
}
