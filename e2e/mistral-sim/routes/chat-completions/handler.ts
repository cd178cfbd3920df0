// POST /v1/chat/completions: validate, plan the reply, then send it whole or as a stream.
import { sendJson } from '../../http'
import type { Route } from '../route'
import { sendCompletion, streamCompletion } from './reply'
import { planReply } from './reply-plan'
import { CHAT_OPERATION, checkChatRequest } from './rules'

export const chatCompletions: Route = {
  method: 'POST',
  path: '/v1/chat/completions',
  operationId: CHAT_OPERATION,
  handle: ({ res, body, meter, config, takeStreamFault }) => {
    const checked = checkChatRequest(body)
    if (!checked.ok) return sendJson(res, checked.status, checked.body, meter.charge(0))
    const plan = planReply(checked.request, config)
    const headers = meter.charge(plan.usage.total_tokens)
    const streaming = checked.request.stream === true
    // Taken only once the request is valid, so a rejected request does not use up a fault.
    const fault = takeStreamFault(streaming)
    if (streaming) return streamCompletion(res, checked.request, plan, headers, fault)
    return sendCompletion(res, checked.request, plan, headers, fault)
  },
}
