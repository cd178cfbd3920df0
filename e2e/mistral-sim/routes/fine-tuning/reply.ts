// The bodies of the fine-tuning job routes (2026-07 spec: CompletionJobOut,
// CompletionDetailedJobOut, JobsOut, LegacyJobMetadataOut).
import { checkpoints, modelIdOf, phases, statusOf, type SimJob } from './jobs'

/** Tokens one training step consumes (the spec's example for LegacyJobMetadataOut). */
export const TRAIN_TOKENS_PER_STEP = 131_072
/**
 * USD per million trained tokens, for the dry-run estimate. The catalog has no
 * fine-tuning prices; this is the order of magnitude Mistral charged for small models.
 */
export const TRAIN_USD_PER_MTOK = 1

export function jobOut(job: SimJob, now: number) {
  const status = statusOf(job, now)
  return {
    id: job.id,
    auto_start: job.autoStart,
    model: job.model,
    status: status.status,
    created_at: job.createdAt,
    modified_at: status.at,
    training_files: job.trainingFiles,
    validation_files: job.validationFiles,
    object: 'job' as const,
    fine_tuned_model: status.status === 'SUCCESS' ? modelIdOf(job) : null,
    suffix: job.suffix,
    integrations: [],
    trained_tokens: status.status === 'SUCCESS' ? job.trainTokens : null,
    metadata: metadataOf(job),
    job_type: 'completion' as const,
    hyperparameters: job.hyperparameters,
    repositories: [],
  }
}

export function detailedJobOut(job: SimJob, now: number) {
  return {
    ...jobOut(job, now),
    events: phases(job, now)
      .map((p) => ({ name: 'status-updated', data: { status: p.status }, created_at: p.at }))
      .reverse(), // Newest first, as the service lists them.
    checkpoints: checkpoints(job, now),
  }
}

function metadataOf(job: SimJob) {
  return {
    expected_duration_seconds: 75,
    cost: cost(job.trainTokens),
    cost_currency: 'USD',
    train_tokens_per_step: TRAIN_TOKENS_PER_STEP,
    train_tokens: job.trainTokens,
    data_tokens: null,
    estimated_start_time: null,
  }
}


/** POST ?dry_run=true: what the job would cost, without creating it. */
export function dryRunOut(job: SimJob) {
  return {
    ...metadataOf(job),
    deprecated: true,
    details: 'The fine-tuning API is deprecated.',
    epochs: job.hyperparameters.epochs,
    training_steps: job.hyperparameters.training_steps ?? 100,
    object: 'job.metadata' as const,
  }
}

function cost(tokens: number): number {
  return Math.round((tokens / 1_000_000) * TRAIN_USD_PER_MTOK * 100) / 100
}
