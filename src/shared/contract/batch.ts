/** Batch jobs (/v1/batch/jobs through the SDK), from a local JSONL of requests. */
import { z } from 'zod'
import type { BatchCheck, BatchJobView, BatchResultRow } from '../domain'
import { channel, empty, id, modelId, returns } from './define'

const endpoint = z.enum(['/v1/chat/completions', '/v1/embeddings', '/v1/fim/completions', '/v1/moderations', '/v1/chat/moderations', '/v1/ocr', '/v1/classifications', '/v1/chat/classifications', '/v1/conversations', '/v1/audio/transcriptions'])
const filePath = z.string().min(1).max(4096)

export const channels = {
  'batch.check': channel(z.object({ path: filePath, endpoint }).strict(), returns<BatchCheck>()),
  'batch.create': channel(
    z.object({ path: filePath, endpoint, model: modelId, timeoutHours: z.number().int().min(1).max(168).optional() }).strict(),
    returns<BatchJobView>(),
  ),
  'batch.list': channel(empty, returns<BatchJobView[]>()),
  'batch.get': channel(z.object({ jobId: id }).strict(), returns<BatchJobView>()),
  'batch.cancel': channel(z.object({ jobId: id }).strict(), returns<BatchJobView>()),
  /** Once the job has finished: every request with its result. Records the batch's usage the first time. */
  'batch.results': channel(z.object({ jobId: id }).strict(), returns<BatchResultRow[]>()),
}

export const events = {}
