/** Fine-tuning: the local dataset check, and jobs over the deprecated API (plain HTTP). */
import { z } from 'zod'
import type { DatasetCheck, FineTuningEstimate, FineTuningJob, FineTuningJobUpdate } from '../domain'
import { channel, empty, id, modelId, returns } from './define'

const filePath = z.string().min(1).max(4096)
const fileId = z.string().uuid().max(36)

export const MAX_SUFFIX = 18

export const jobInput = z
  .object({
    model: modelId,
    trainingFiles: z.array(fileId).min(1).max(16),
    validationFiles: z.array(fileId).max(16).optional(),
    suffix: z.string().max(MAX_SUFFIX).regex(/^[A-Za-z0-9_-]*$/, 'Use letters, digits, - and _ only.').optional(),
    autoStart: z.boolean().optional(),
    hyperparameters: z
      .object({
        trainingSteps: z.number().int().min(1).max(100_000).optional(),
        epochs: z.number().positive().max(100).optional(),
        learningRate: z.number().min(1e-8).max(1).optional(),
      })
      .strict(),
  })
  .strict()

export const channels = {
  /** Streams the file from disk; progress comes as finetuning.checkProgress events. */
  'finetuning.checkDataset': channel(z.object({ path: filePath, checkId: id.optional() }).strict(), returns<DatasetCheck>()),
  'finetuning.estimate': channel(jobInput, returns<FineTuningEstimate>()),
  'finetuning.create': channel(jobInput, returns<FineTuningJob>()),
  'finetuning.list': channel(empty, returns<FineTuningJob[]>()),
  'finetuning.get': channel(z.object({ jobId: id }).strict(), returns<FineTuningJob>()),
  'finetuning.start': channel(z.object({ jobId: id }).strict(), returns<FineTuningJob>()),
  'finetuning.cancel': channel(z.object({ jobId: id }).strict(), returns<FineTuningJob>()),
  /** Polls the job with backoff and sends finetuning.job events until it finishes or unwatch (e.g. the window is hidden). */
  'finetuning.watch': channel(z.object({ jobId: id }).strict(), returns<{ watching: boolean }>()),
  'finetuning.unwatch': channel(z.object({ jobId: id }).strict(), returns<{ stopped: boolean }>()),
}

export const events = {
  'finetuning.job': returns<FineTuningJobUpdate>(),
  'finetuning.checkProgress': returns<{ checkId: string; bytesRead: number }>(),
}
