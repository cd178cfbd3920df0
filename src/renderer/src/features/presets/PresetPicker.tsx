/**
 * "New chat from preset" in the sidebar: pick a preset, start a chat with its model, system
 * prompt and parameters, or delete it. A select plus a button, not a select that acts on
 * change: arrowing through a closed select must not start chats.
 */
import { useId, useState } from 'react'
import { focusWhenReady } from '../../components/focus'
import { deletePreset, usePresetsStore } from './presets-store'
import { startChatFromPreset } from './start-from-preset'
import './presets.css'

export function PresetPicker() {
  const presets = usePresetsStore((s) => s.list)
  const [chosen, setChosen] = useState('')
  const [confirming, setConfirming] = useState(false)
  const id = useId()
  if (presets.length === 0) return null

  const preset = presets.find((p) => p.id === chosen) ?? presets[0]
  if (!preset) return null

  const remove = async () => {
    setConfirming(false)
    if (await deletePreset(preset.id)) setChosen('')
    // The buttons that had focus are gone: the select if presets remain, else New chat.
    focusWhenReady(() => document.getElementById(id) ?? document.querySelector<HTMLElement>('.sidebar__new'))
  }

  return (
    <div className="preset-picker" role="group" aria-labelledby={`${id}-title`}>
      <span id={`${id}-title`} className="preset-picker__title">
        Presets
      </span>
      <label htmlFor={id} className="visually-hidden">
        Preset
      </label>
      <select
        id={id}
        value={preset.id}
        onChange={(e) => {
          setChosen(e.target.value)
          setConfirming(false)
        }}
      >
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <div className="preset-picker__actions">
        <button type="button" onClick={() => startChatFromPreset(preset)}>
          New chat from preset
        </button>
        {confirming ? (
          <>
            <button type="button" className="button--danger" onClick={() => void remove()} autoFocus>
              Yes, delete preset
            </button>
            <button type="button" className="button--quiet" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button--quiet"
            onClick={() => setConfirming(true)}
            title={`Delete “${preset.name}”`}
          >
            Delete preset
          </button>
        )}
      </div>
    </div>
  )
}
