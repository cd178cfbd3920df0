// GET /v1/models and the model routes. Base cards come from the model catalog (chat
// completions reads it too); the account's fine-tuned models, made by simulated
// fine-tuning jobs, follow them and can be archived, renamed and deleted.
import { apiError, sendJson } from '../../http'
import { findModel, modelCards } from '../../model-catalog'
import { checkJsonBody } from '../../request-rules'
import { settleJobs } from '../fine-tuning/jobs'
import type { Route, RouteContext } from '../route'
import { completionFineTunedModel, ftModelCard } from './fine-tuned-cards'
import { fineTunedModels, type FineTunedModel } from './fine-tuned-store'

function accountModels(ctx: RouteContext): Map<string, FineTunedModel> {
  settleJobs(ctx.state, ctx.clock)
  return fineTunedModels(ctx.state)
}

const notFound = (id: string) => apiError(`Invalid model: ${id}`, 'invalid_model', '1500')

/** The fine-tuned model the path names; answers 404 and returns undefined otherwise. */
function fineTunedOf(ctx: RouteContext): FineTunedModel | undefined {
  const id = ctx.params.model_id ?? ''
  const model = accountModels(ctx).get(id)
  if (!model) sendJson(ctx.res, 404, notFound(id), ctx.meter.charge(0))
  return model
}

export const listModels: Route = {
  method: 'GET',
  path: '/v1/models',
  operationId: 'list_models_v1_models_get',
  // The `provider` and `model` query filters are accepted and ignored.
  handle: (ctx) => {
    const data = [...modelCards(), ...[...accountModels(ctx).values()].map(ftModelCard)]
    sendJson(ctx.res, 200, { object: 'list', data }, ctx.meter.charge(0))
  },
}

export const retrieveModel: Route = {
  method: 'GET',
  path: '/v1/models/{model_id}',
  operationId: 'retrieve_model_v1_models__model_id__get',
  handle: (ctx) => {
    const id = ctx.params.model_id ?? ''
    const tuned = accountModels(ctx).get(id)
    if (tuned) return sendJson(ctx.res, 200, ftModelCard(tuned), ctx.meter.charge(0))
    const card = findModel(id)
    if (!card) return sendJson(ctx.res, 404, notFound(id), ctx.meter.charge(0))
    sendJson(ctx.res, 200, card, ctx.meter.charge(0))
  },
}

export const deleteModel: Route = {
  method: 'DELETE',
  path: '/v1/models/{model_id}',
  operationId: 'delete_model_v1_models__model_id__delete',
  handle: (ctx) => {
    const id = ctx.params.model_id ?? ''
    // Invention: the spec only says "Delete a fine-tuned model"; a base model is refused.
    if (findModel(id)) {
      return sendJson(ctx.res, 400, apiError(`Model ${id} is not a fine-tuned model and cannot be deleted`, 'invalid_request_error', null), ctx.meter.charge(0))
    }
    const model = fineTunedOf(ctx)
    if (!model) return
    fineTunedModels(ctx.state).delete(model.id)
    sendJson(ctx.res, 200, { id: model.id, object: 'model', deleted: true }, ctx.meter.charge(0))
  },
}

export const updateFineTunedModel: Route = {
  method: 'PATCH',
  path: '/v1/fine_tuning/models/{model_id}',
  operationId: 'jobs_api_routes_fine_tuning_update_fine_tuned_model',
  handle: (ctx) => {
    const checked = checkJsonBody('jobs_api_routes_fine_tuning_update_fine_tuned_model', ctx.body, (body) =>
      (['name', 'description'] as const)
        .filter((f) => body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string')
        .map((f) => ({ type: 'string_type', loc: ['body', f], msg: 'Input should be a valid string', input: body[f] })),
    )
    if (!checked.ok) return sendJson(ctx.res, checked.status, checked.body, ctx.meter.charge(0))
    const model = fineTunedOf(ctx)
    if (!model) return
    if ('name' in checked.body) model.name = (checked.body.name as string | null) ?? null
    if ('description' in checked.body) model.description = (checked.body.description as string | null) ?? null
    sendJson(ctx.res, 200, completionFineTunedModel(model), ctx.meter.charge(0))
  },
}

function setArchived(archived: boolean) {
  return (ctx: RouteContext) => {
    const model = fineTunedOf(ctx)
    if (!model) return
    model.archived = archived
    sendJson(ctx.res, 200, { id: model.id, object: 'model', archived }, ctx.meter.charge(0))
  }
}

export const archiveFineTunedModel: Route = {
  method: 'POST',
  path: '/v1/fine_tuning/models/{model_id}/archive',
  operationId: 'jobs_api_routes_fine_tuning_archive_fine_tuned_model',
  handle: setArchived(true),
}

export const unarchiveFineTunedModel: Route = {
  method: 'DELETE',
  path: '/v1/fine_tuning/models/{model_id}/archive',
  operationId: 'jobs_api_routes_fine_tuning_unarchive_fine_tuned_model',
  handle: setArchived(false),
}
