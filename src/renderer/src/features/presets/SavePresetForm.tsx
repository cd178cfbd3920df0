/** "Save as preset": the settings as entered in the panel, plus the selected model, under a name. */
import { useId, useState, type FormEvent } from 'react'
import type { ConversationSettings } from '../../../../shared/domain'
import { ErrorNotice } from '../../components/ErrorNotice'
import { DEFAULT_MODEL, useModelsStore } from '../models/models-store'
import { dismissPresetsError, savePreset, usePresetsStore } from './presets-store'
import './presets.css'

/** `settings` returns null (and shows why) when the panel's values are not valid. */
export function SavePresetForm({ settings }: { settings: () => ConversationSettings | null }) {
  const [name, setName] = useState('')
  const [saving, setSaving] = useState(false)
  const [notice, setNotice] = useState('')
  const error = usePresetsStore((s) => s.error)
  const model = useModelsStore((s) => s.selected)
  const id = useId()

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const trimmed = name.trim()
    const current = settings()
    if (trimmed === '' || !current) return
    setSaving(true)
    const saved = await savePreset(trimmed, model ?? DEFAULT_MODEL, current)
    setSaving(false)
    if (saved) {
      setName('')
      setNotice(`Saved preset “${saved.name}”.`)
    }
  }

  return (
    <form className="preset-save" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={id}>Preset name</label>
      <div className="preset-save__row">
        <input
          id={id}
          value={name}
          maxLength={100}
          onChange={(e) => {
            setName(e.target.value)
            setNotice('')
          }}
          placeholder="e.g. Terse reviewer"
        />
        <button type="submit" disabled={saving || name.trim() === ''}>
          Save as preset
        </button>
      </div>
      <p className="preset-save__hint muted">Saves the model and the settings above, to start new chats from.</p>
      <p role="status" className="preset-save__notice">
        {notice}
      </p>
      <ErrorNotice error={error} onDismiss={dismissPresetsError} />
    </form>
  )
}
