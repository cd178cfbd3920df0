/** The jobs API's snake_case bodies (2026-07 spec) in our domain terms. */
import type { FineTuningEstimate, FineTuningJob, FineTuningStatus } from '../../../shared/domain'

export interface ApiJob {
  id: string
  model: string
  status: FineTuningStatus
  auto_start: boolean
  suffix?: string | null
  training_files: string[]
  validation_files?: string[] | null
  hyperparameters: { training_steps?: number | null; epochs?: number | null; learning_rate?: number | null }
  fine_tuned_model?: string | null
  trained_tokens?: number | null
  created_at: number
  modified_at: number
  metadata?: { cost?: number | null; cost_currency?: string | null } | null
  events?: { name: string; data?: Record<string, unknown> | null; created_at: number }[]
  checkpoints?: {
    step_number: number
    created_at: number
    metrics: { train_loss?: number | null; valid_loss?: number | null; valid_mean_token_accuracy?: number | null }
  }[]
}

export interface ApiEstimate {
  train_tokens?: number | null
  training_steps?: number | null
  epochs?: number | null
  expected_duration_seconds?: number | null
  cost?: number | null
  cost_currency?: string | null
}

const ms = (seconds: number) => seconds * 1000
const costOf = (amount: number | null | undefined, currency: string | null | undefined) =>
  typeof amount === 'number' ? { amount, currency: currency ?? 'USD' } : null

export function toJob(j: ApiJob): FineTuningJob {
  return {
    id: j.id,
    model: j.model,
    status: j.status,
    autoStart: j.auto_start,
    suffix: j.suffix ?? null,
    trainingFiles: j.training_files,
    validationFiles: j.validation_files ?? [],
    hyperparameters: {
      trainingSteps: j.hyperparameters.training_steps ?? null,
      epochs: j.hyperparameters.epochs ?? null,
      learningRate: j.hyperparameters.learning_rate ?? null,
    },
    fineTunedModel: j.fine_tuned_model ?? null,
    trainedTokens: j.trained_tokens ?? null,
    createdAt: ms(j.created_at),
    modifiedAt: ms(j.modified_at),
    events: (j.events ?? []).map((e) => ({
      name: e.name,
      status: typeof e.data?.status === 'string' ? e.data.status : null,
      at: ms(e.created_at),
      error: typeof e.data?.error === 'string' ? e.data.error : null,
    })),
    checkpoints: (j.checkpoints ?? [])
      .map((c) => ({
        step: c.step_number,
        trainLoss: c.metrics.train_loss ?? null,
        validLoss: c.metrics.valid_loss ?? null,
        validAccuracy: c.metrics.valid_mean_token_accuracy ?? null,
        at: ms(c.created_at),
      }))
      .sort((a, b) => a.step - b.step),
    cost: costOf(j.metadata?.cost, j.metadata?.cost_currency),
  }
}

export function toEstimate(e: ApiEstimate): FineTuningEstimate {
  return {
    trainTokens: e.train_tokens ?? null,
    trainingSteps: e.training_steps ?? null,
    epochs: e.epochs ?? null,
    expectedDurationSeconds: e.expected_duration_seconds ?? null,
    cost: costOf(e.cost, e.cost_currency),
  }
}

export const FINISHED: ReadonlySet<FineTuningStatus> = new Set(['SUCCESS', 'FAILED', 'FAILED_VALIDATION', 'CANCELLED'])
