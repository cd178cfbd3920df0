/** Rename, archive/unarchive and delete of one fine-tuned model, each confirmed before it is sent. */
import { useState } from 'react'
import type { ModelSummary } from '../../../../shared/domain'
import { archiveModel, deleteModel, renameModel } from './models-screen-store'

type Pending = { kind: 'rename'; name: string } | { kind: 'archive' } | { kind: 'delete' } | null

export function FineTunedActions({ model }: { model: ModelSummary }) {
  const [pending, setPending] = useState<Pending>(null)
  const archived = model.fineTuned?.archived ?? false
  const label = model.name || model.id
  if (!pending) {
    return (
      <div className="models-actions">
        <button type="button" onClick={() => setPending({ kind: 'rename', name: model.name })} aria-label={`Rename ${label}`}>
          Rename
        </button>
        <button type="button" onClick={() => setPending({ kind: 'archive' })} aria-label={`${archived ? 'Unarchive' : 'Archive'} ${label}`}>
          {archived ? 'Unarchive' : 'Archive'}
        </button>
        <button type="button" className="danger" onClick={() => setPending({ kind: 'delete' })} aria-label={`Delete ${label}`}>
          Delete
        </button>
      </div>
    )
  }
  const confirm = async () => {
    if (pending.kind === 'rename') await renameModel(model.id, pending.name.trim())
    if (pending.kind === 'archive') await archiveModel(model.id, !archived)
    if (pending.kind === 'delete') await deleteModel(model.id)
    setPending(null)
  }
  const question =
    pending.kind === 'delete' ? `Delete ${label}? This cannot be undone.` : pending.kind === 'archive' ? `${archived ? 'Unarchive' : 'Archive'} ${label}?` : null
  return (
    <div className="models-actions" role="group" aria-label={`Confirm action on ${label}`}>
      {pending.kind === 'rename' ? (
        <input aria-label="New name" value={pending.name} maxLength={200} autoFocus onChange={(e) => setPending({ kind: 'rename', name: e.target.value })} />
      ) : (
        <span>{question}</span>
      )}
      <button type="button" disabled={pending.kind === 'rename' && pending.name.trim() === ''} onClick={() => void confirm()}>
        Confirm
      </button>
      <button type="button" onClick={() => setPending(null)}>
        Cancel
      </button>
    </div>
  )
}
