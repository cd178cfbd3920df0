// /v1/files: upload (multipart), list, retrieve, delete, signed URL and content.
// Files live in the simulator's memory (SimFiles) until reset(); OCR reads them by id.
import { apiError, sendJson } from '../../http'
import type { Route, RouteContext } from '../route'
import { checkExpiryHours, checkListQuery, checkUpload, fileIdIssue, MAX_UPLOAD_BYTES } from './rules'
import { fileBody, type SimFile } from './sim-files'

const nowSeconds = () => Math.floor(Date.now() / 1000)

/** The file a path names, or the reply already sent (422 for a non-UUID, 404 for an unknown id). */
function fileOf(ctx: RouteContext): SimFile | undefined {
  const id = ctx.params.file_id ?? ''
  const bad = fileIdIssue(id)
  if (bad) {
    sendJson(ctx.res, bad.status, bad.body, ctx.meter.charge(0))
    return undefined
  }
  const file = ctx.files.get(id)
  if (!file) sendJson(ctx.res, 404, apiError(`File ${id} not found`, 'not_found', null), ctx.meter.charge(0))
  return file
}

export const uploadFile: Route = {
  method: 'POST',
  path: '/v1/files',
  operationId: 'files_api_routes_upload_file',
  handle: async ({ res, headers, bytes, meter, files }) => {
    const checked = await checkUpload(headers, bytes)
    if (!checked.ok) return sendJson(res, checked.status, checked.body, meter.charge(0))
    const { file, purpose, visibility, expiryHours } = checked.upload
    if (file.size > MAX_UPLOAD_BYTES) {
      return sendJson(res, 400, apiError('File size exceeds the maximum of 512 MB', 'invalid_request_error', null), meter.charge(0))
    }
    const created = nowSeconds()
    const stored = files.add({
      filename: file.name,
      purpose,
      bytes: Buffer.from(await file.arrayBuffer()),
      mimetype: file.type || null,
      createdAt: created,
      expiresAt: expiryHours === null ? null : created + expiryHours * 3600,
      visibility,
    })
    sendJson(res, 200, fileBody(stored), meter.charge(0))
  },
}

export const listFiles: Route = {
  method: 'GET',
  path: '/v1/files',
  operationId: 'files_api_routes_list_files',
  handle: ({ res, query, meter, files }) => {
    const checked = checkListQuery(query)
    if (!checked.ok) return sendJson(res, checked.status, checked.body, meter.charge(0))
    const q = checked.query
    const matching = files
      .all()
      .map(fileBody)
      .filter((f) => q.purpose === null || f.purpose === q.purpose)
      .filter((f) => q.search === null || f.filename.toLowerCase().includes(q.search.toLowerCase()))
      .filter((f) => q.sources.length === 0 || q.sources.includes(f.source))
      .filter((f) => q.sampleTypes.length === 0 || q.sampleTypes.includes(f.sample_type))
      .filter((f) => q.mimetypes.length === 0 || (f.mimetype !== null && q.mimetypes.includes(f.mimetype)))
    const start = Math.max(0, q.page) * Math.max(0, q.pageSize)
    const data = matching.slice(start, start + Math.max(0, q.pageSize))
    sendJson(res, 200, { data, object: 'list', total: q.includeTotal ? matching.length : null }, meter.charge(0))
  },
}

export const retrieveFile: Route = {
  method: 'GET',
  path: '/v1/files/{file_id}',
  operationId: 'files_api_routes_retrieve_file',
  handle: (ctx) => {
    const file = fileOf(ctx)
    if (file) sendJson(ctx.res, 200, { ...fileBody(file), deleted: false }, ctx.meter.charge(0))
  },
}

export const deleteFile: Route = {
  method: 'DELETE',
  path: '/v1/files/{file_id}',
  operationId: 'files_api_routes_delete_file',
  handle: (ctx) => {
    const file = fileOf(ctx)
    if (!file) return
    ctx.files.delete(file.id)
    sendJson(ctx.res, 200, { id: file.id, object: 'file', deleted: true }, ctx.meter.charge(0))
  },
}

export const downloadFile: Route = {
  method: 'GET',
  path: '/v1/files/{file_id}/content',
  operationId: 'files_api_routes_download_file',
  handle: (ctx) => {
    const file = fileOf(ctx)
    if (!file) return
    ctx.res.writeHead(200, {
      ...ctx.meter.charge(0),
      'content-type': 'application/octet-stream',
      'content-length': file.bytes.length,
      'content-disposition': `attachment; filename="${encodeURIComponent(file.filename)}"`,
    })
    ctx.res.end(file.bytes)
  },
}

export const signedFileUrl: Route = {
  method: 'GET',
  path: '/v1/files/{file_id}/url',
  operationId: 'files_api_routes_get_signed_url',
  handle: (ctx) => {
    const hours = checkExpiryHours(ctx.query)
    if (!hours.ok) return sendJson(ctx.res, hours.status, hours.body, ctx.meter.charge(0))
    const file = fileOf(ctx)
    if (!file) return
    const url = ctx.files.signedUrl(ctx.baseUrl, file.id, nowSeconds() + hours.hours * 3600)
    sendJson(ctx.res, 200, { url }, ctx.meter.charge(0))
  },
}
