// Every simulated endpoint, one line each. To add one: a folder beside these
// with its handler, rules, reply and conformance test, then one line here.
import { chatCompletions } from './chat-completions/handler'
import { listModels, retrieveModel } from './models/handler'
import type { Route } from './route'

export const ROUTES: readonly Route[] = [
  listModels, // GET /v1/models
  retrieveModel, // GET /v1/models/{model_id}
  chatCompletions, // POST /v1/chat/completions
]
