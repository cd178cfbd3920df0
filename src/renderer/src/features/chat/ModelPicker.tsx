/** The model for the next message. Lists only chat-capable models, with their context size. */
import { ErrorNotice } from '../../components/ErrorNotice'
import type { ModelSummary } from '../../../../shared/domain'
import { formatContext, latestAlias, loadModels, selectModel, useModelsStore } from '../models/models-store'

export function ModelPicker() {
  const models = useModelsStore((s) => s.models)
  const selected = useModelsStore((s) => s.selected)
  const loading = useModelsStore((s) => s.loading)

  const empty = models.length === 0
  // Until the list arrives, show the remembered choice so the select is never blank.
  const placeholder = loading ? 'Loading models…' : (selected ?? 'No models yet')

  return (
    <div className="model-picker">
      <label htmlFor="model-select">Model</label>
      <select
        id="model-select"
        value={empty ? '' : (selected ?? '')}
        onChange={(e) => selectModel(e.target.value)}
        disabled={empty}
      >
        {empty ? <option value="">{placeholder}</option> : null}
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {optionLabel(m)}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Shown under the header: inside it, a long message would squeeze the title and the select. */
export function ModelsError() {
  const error = useModelsStore((s) => s.error)
  return <ErrorNotice error={error} onRetry={() => void loadModels(true)} className="chat__error" />
}

/** e.g. "mistral-small-2506 (mistral-small-latest) · 128k context". The dated id is what gets sent. */
function optionLabel(m: ModelSummary): string {
  const alias = latestAlias(m)
  const name = alias ? `${m.id} (${alias})` : m.id
  return `${name} · ${formatContext(m.maxContextLength)} context${m.deprecated ? ' · deprecated' : ''}`
}
