/** Batch jobs: the local JSONL check, jobs and their results linked to their requests. */
import type { DatasetError } from './fine-tuning'

export type BatchEndpoint = '/v1/chat/completions' | '/v1/embeddings' | '/v1/fim/completions' | '/v1/moderations' | '/v1/chat/moderations' | '/v1/ocr' | '/v1/classifications' | '/v1/chat/classifications' | '/v1/conversations' | '/v1/audio/transcriptions'

export interface BatchCheck {
  lines: number
  validLines: number
  badLines: number
  errors: DatasetError[]
  errorsTruncated: boolean
}

export type BatchStatus = 'QUEUED' | 'RUNNING' | 'SUCCESS' | 'FAILED' | 'TIMEOUT_EXCEEDED' | 'CANCELLATION_REQUESTED' | 'CANCELLED'

export interface BatchJobView {
  id: string
  status: BatchStatus
  endpoint: string
  model: string | null
  totalRequests: number
  completedRequests: number
  succeededRequests: number
  failedRequests: number
  /** 0..1 */
  progress: number
  errors: { message: string; count: number }[]
  createdAt: number
  startedAt: number | null
  completedAt: number | null
}

/** One request of a job and what it got back. */
export interface BatchResultRow {
  index: number
  customId: string | null
  /** The request body as sent (JSON text). */
  request: string
  statusCode: number | null
  /** The reply text for chat, or the response body as JSON text. */
  response: string | null
  error: string | null
}
