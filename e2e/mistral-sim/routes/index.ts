// Every simulated endpoint, one line each. To add one: a folder beside these
// with its handler, rules, reply and conformance test, then one line here.
import { chatCompletions } from './chat-completions/handler'
import { deleteFile, downloadFile, listFiles, retrieveFile, signedFileUrl, uploadFile } from './files/handler'
import { listModels, retrieveModel } from './models/handler'
import { ocr } from './ocr/handler'
import type { Route } from './route'

export const ROUTES: readonly Route[] = [
  listModels, // GET /v1/models
  retrieveModel, // GET /v1/models/{model_id}
  chatCompletions, // POST /v1/chat/completions
  uploadFile, // POST /v1/files
  listFiles, // GET /v1/files
  retrieveFile, // GET /v1/files/{file_id}
  deleteFile, // DELETE /v1/files/{file_id}
  downloadFile, // GET /v1/files/{file_id}/content
  signedFileUrl, // GET /v1/files/{file_id}/url
  ocr, // POST /v1/ocr
]
