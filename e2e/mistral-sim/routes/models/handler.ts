// GET /v1/models and GET /v1/models/{model_id}. The cards come from the model
// catalog, which chat completions also read to check the model a request names.
import { apiError, sendJson } from '../../http'
import { findModel, modelCards } from '../../model-catalog'
import type { Route } from '../route'

export const listModels: Route = {
  method: 'GET',
  path: '/v1/models',
  operationId: 'list_models_v1_models_get',
  // The `provider` and `model` query filters are accepted and ignored.
  handle: ({ res, meter }) => sendJson(res, 200, { object: 'list', data: modelCards() }, meter.charge(0)),
}

export const retrieveModel: Route = {
  method: 'GET',
  path: '/v1/models/{model_id}',
  operationId: 'retrieve_model_v1_models__model_id__get',
  handle: ({ res, params, meter }) => {
    const id = params.model_id ?? ''
    const card = findModel(id)
    if (!card) return sendJson(res, 404, apiError(`Invalid model: ${id}`, 'invalid_model', '1500'), meter.charge(0))
    sendJson(res, 200, card, meter.charge(0))
  },
}
