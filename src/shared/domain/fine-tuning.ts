/** Fine-tuning: the local dataset check and the (deprecated) jobs API, in our terms. */

export interface DatasetError {
  /** 1-based line number in the file. */
  line: number
  message: string
  /** The start of the line, to find it. */
  snippet: string
}

export interface DatasetCheck {
  lines: number
  validLines: number
  badLines: number
  /** The first bad lines (at most 200). */
  errors: DatasetError[]
  /** True when more lines were bad than `errors` lists. */
  errorsTruncated: boolean
  bytes: number
  /** About four characters per token over all message text of the valid lines. */
  estimatedTokens: number
}

export type FineTuningStatus =
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

export interface FineTuningEvent {
  name: string
  status: string | null
  /** ms epoch */
  at: number
  /** An error the event carries (e.g. a FAILED job's reason). */
  error: string | null
}

export interface FineTuningCheckpoint {
  step: number
  trainLoss: number | null
  validLoss: number | null
  validAccuracy: number | null
  at: number
}

export interface FineTuningHyperparameters {
  trainingSteps: number | null
  epochs: number | null
  learningRate: number | null
}

export interface FineTuningJob {
  id: string
  model: string
  status: FineTuningStatus
  autoStart: boolean
  suffix: string | null
  trainingFiles: string[]
  validationFiles: string[]
  hyperparameters: FineTuningHyperparameters
  /** The model's id once the job succeeded. */
  fineTunedModel: string | null
  trainedTokens: number | null
  createdAt: number
  modifiedAt: number
  /** Newest first; empty in lists (only a single job's details carry them). */
  events: FineTuningEvent[]
  /** Oldest first, for the loss chart. */
  checkpoints: FineTuningCheckpoint[]
  /** Mistral's cost figure, when it gave one. */
  cost: { amount: number; currency: string } | null
}

/** The dry run's answer: what the job would train and cost. */
export interface FineTuningEstimate {
  trainTokens: number | null
  trainingSteps: number | null
  epochs: number | null
  expectedDurationSeconds: number | null
  cost: { amount: number; currency: string } | null
}

export interface FineTuningJobUpdate {
  job: FineTuningJob
  /** When the next poll is due (ms epoch); null once the job is finished. */
  nextPollAt: number | null
}
