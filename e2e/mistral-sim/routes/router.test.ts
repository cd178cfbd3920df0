// The route table and the router: every route agrees with the spec, and
// requests find their route, a 405 or a 404.
import { describe, expect, it } from 'vitest'
import { ROUTES } from './index'
import type { Route } from './route'
import { createRouter } from './router'

const route = (method: Route['method'], path: string, operationId: string): Route => ({
  method,
  path,
  operationId,
  handle: () => undefined,
})

describe('route table', () => {
  it('lists each endpoint once, at the method and path the spec gives its operationId', () => {
    expect(() => createRouter(ROUTES)).not.toThrow()
    expect(ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/models',
      'GET /v1/models/{model_id}',
      'POST /v1/chat/completions',
      'DELETE /v1/models/{model_id}',
      'PATCH /v1/fine_tuning/models/{model_id}',
      'POST /v1/fine_tuning/models/{model_id}/archive',
      'DELETE /v1/fine_tuning/models/{model_id}/archive',
      'POST /v1/embeddings',
      'GET /v1/batch/jobs',
      'POST /v1/batch/jobs',
      'GET /v1/batch/jobs/{job_id}',
      'DELETE /v1/batch/jobs/{job_id}',
      'POST /v1/batch/jobs/{job_id}/cancel',
      'GET /v1/fine_tuning/jobs',
      'POST /v1/fine_tuning/jobs',
      'GET /v1/fine_tuning/jobs/{job_id}',
      'POST /v1/fine_tuning/jobs/{job_id}/cancel',
      'POST /v1/fine_tuning/jobs/{job_id}/start',
      'POST /v1/files',
      'GET /v1/files',
      'GET /v1/files/{file_id}',
      'DELETE /v1/files/{file_id}',
      'GET /v1/files/{file_id}/content',
      'GET /v1/files/{file_id}/url',
      'POST /v1/ocr',
    ])
  })

  it('fails at start-up for a route that disagrees with the spec, names no operation, or comes twice', () => {
    expect(() => createRouter([route('POST', '/v1/models', 'list_models_v1_models_get')])).toThrow(/GET \/v1\/models/)
    expect(() => createRouter([route('GET', '/v1/nothing', 'nothing_get')])).toThrow(/no operation nothing_get/)
    const list = route('GET', '/v1/models', 'list_models_v1_models_get')
    expect(() => createRouter([list, list])).toThrow(/two routes/)
  })

  it('matches templates, decodes parameters, and tells 405 from 404', () => {
    const router = createRouter(ROUTES)
    const found = router.match('GET', '/v1/models/ft%3Aopen-mistral-7b')
    expect(found).toMatchObject({ kind: 'route', params: { model_id: 'ft:open-mistral-7b' } })
    expect(found.kind === 'route' && found.route.operationId).toBe('retrieve_model_v1_models__model_id__get')
    expect(router.match('GET', '/v1/models')).toMatchObject({ kind: 'route', params: {} })
    expect(router.match('POST', '/v1/models/x')).toEqual({ kind: 'method-not-allowed' })
    expect(router.match('GET', '/v1/models/x/y')).toEqual({ kind: 'not-found' })
    expect(router.match('GET', '/v1/nothing/here')).toEqual({ kind: 'not-found' })
    // Routes the current spec dropped are found in the 2026-07 spec.
    expect(router.match('GET', '/v1/fine_tuning/jobs')).toMatchObject({ kind: 'route' })
  })
})
