// Fine-tuned models as GET /v1/models shows them (FTModelCard) and as the
// fine-tuned-model routes answer (CompletionFineTunedModel).
import { findModel } from '../../model-catalog'
import type { FineTunedModel } from './fine-tuned-store'
import { SIM_ORG, SIM_WORKSPACE } from './fine-tuned-store'

export function ftModelCard(model: FineTunedModel) {
  const base = findModel(model.root)
  return {
    id: model.id,
    object: 'model',
    created: model.created,
    owned_by: SIM_ORG,
    // A fine-tune chats like its base model but cannot be fine-tuned again.
    capabilities: { ...(base?.capabilities ?? {}), fine_tuning: false },
    name: model.name,
    description: model.description,
    max_context_length: base?.max_context_length ?? 32768,
    aliases: [],
    deprecation: null,
    deprecation_replacement_model: null,
    default_model_temperature: base?.default_model_temperature ?? null,
    type: 'fine-tuned' as const,
    job: model.job,
    root: model.root,
    archived: model.archived,
  }
}

export function completionFineTunedModel(model: FineTunedModel) {
  const base = findModel(model.root)
  const caps = base?.capabilities
  return {
    id: model.id,
    object: 'model' as const,
    created: model.created,
    owned_by: SIM_ORG,
    workspace_id: SIM_WORKSPACE,
    root: model.root,
    root_version: base?.aliases.find((a) => /-\d{4}$/.test(a)) ?? model.root,
    archived: model.archived,
    name: model.name,
    description: model.description,
    capabilities: {
      completion_chat: caps?.completion_chat ?? true,
      completion_fim: caps?.completion_fim ?? false,
      function_calling: caps?.function_calling ?? false,
      fine_tuning: false,
      classification: false,
    },
    max_context_length: base?.max_context_length ?? 32768,
    aliases: [],
    job: model.job,
    model_type: 'completion' as const,
  }
}
