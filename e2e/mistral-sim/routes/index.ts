// Every simulated endpoint, one line each. To add one: a folder beside these
// with its handler, rules, reply and conformance test, then one line here.
import { cancelBatchJob, createBatchJob, deleteBatchJob, getBatchJob, listBatchJobs } from './batch/handler'
import { chatCompletions } from './chat-completions/handler'
import { embeddings } from './embeddings/handler'
import {
  cancelFineTuningJob,
  createFineTuningJob,
  getFineTuningJob,
  listFineTuningJobs,
  startFineTuningJob,
} from './fine-tuning/handler'
import {
  archiveFineTunedModel,
  deleteModel,
  listModels,
  retrieveModel,
  unarchiveFineTunedModel,
  updateFineTunedModel,
} from './models/handler'
import { deleteFile, downloadFile, listFiles, retrieveFile, signedFileUrl, uploadFile } from './files/handler'
import { ocr } from './ocr/handler'
import type { Route } from './route'

export const ROUTES: readonly Route[] = [
  listModels, // GET /v1/models
  retrieveModel, // GET /v1/models/{model_id}
  chatCompletions, // POST /v1/chat/completions
  deleteModel, // DELETE /v1/models/{model_id}
  updateFineTunedModel, // PATCH /v1/fine_tuning/models/{model_id}
  archiveFineTunedModel, // POST /v1/fine_tuning/models/{model_id}/archive
  unarchiveFineTunedModel, // DELETE /v1/fine_tuning/models/{model_id}/archive
  embeddings, // POST /v1/embeddings
  listBatchJobs, // GET /v1/batch/jobs
  createBatchJob, // POST /v1/batch/jobs
  getBatchJob, // GET /v1/batch/jobs/{job_id}
  deleteBatchJob, // DELETE /v1/batch/jobs/{job_id}
  cancelBatchJob, // POST /v1/batch/jobs/{job_id}/cancel
  listFineTuningJobs, // GET /v1/fine_tuning/jobs (2026-07 spec)
  createFineTuningJob, // POST /v1/fine_tuning/jobs (2026-07 spec)
  getFineTuningJob, // GET /v1/fine_tuning/jobs/{job_id} (2026-07 spec)
  cancelFineTuningJob, // POST /v1/fine_tuning/jobs/{job_id}/cancel (2026-07 spec)
  startFineTuningJob, // POST /v1/fine_tuning/jobs/{job_id}/start (2026-07 spec)
  uploadFile, // POST /v1/files
  listFiles, // GET /v1/files
  retrieveFile, // GET /v1/files/{file_id}
  deleteFile, // DELETE /v1/files/{file_id}
  downloadFile, // GET /v1/files/{file_id}/content
  signedFileUrl, // GET /v1/files/{file_id}/url
  ocr, // POST /v1/ocr
]
