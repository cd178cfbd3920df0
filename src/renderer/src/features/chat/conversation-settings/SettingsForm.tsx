/** The fields of the conversation settings panel, their checks, Save settings and Save as preset. */
import { useState, type FormEvent } from 'react'
import type { ConversationSettings } from '../../../../../shared/domain'
import { ErrorNotice } from '../../../components/ErrorNotice'
import {
  dismissSettingsError,
  saveConversationSettings,
  useConversationSettingsStore,
} from './conversation-settings-store'
import { selectSelectedModel, useModelsStore } from '../../models/models-store'
import { SavePresetForm } from '../../presets/SavePresetForm'
import { NumberInput, TextAreaField } from './SettingsFields'
import {
  NUMBER_FIELDS,
  parseSettingsForm,
  toFormValues,
  type NumberField,
  type SettingsFormErrors,
  type SettingsFormValues,
} from './settings-form'

export function SettingsForm() {
  const [values, setValues] = useState<SettingsFormValues>(() =>
    toFormValues(useConversationSettingsStore.getState().settings),
  )
  const [unreadable, setUnreadable] = useState<ReadonlySet<NumberField>>(new Set())
  // Errors show once a field is left or Save is pressed, not while the user is still typing "-0.".
  const [shown, setShown] = useState<ReadonlySet<string>>(new Set())
  const [notice, setNotice] = useState('')
  const saving = useConversationSettingsStore((s) => s.saving)
  const saveError = useConversationSettingsStore((s) => s.error)
  const defaultTemperature = useModelsStore((s) => selectSelectedModel(s)?.defaultTemperature ?? null)

  const parsed = parseSettingsForm(values, unreadable)
  const errors: SettingsFormErrors = 'errors' in parsed ? parsed.errors : {}
  const visibleError = (field: keyof SettingsFormErrors) => (shown.has(field) ? errors[field] : undefined)
  const reveal = (field: string) => setShown((s) => new Set(s).add(field))

  const update = (patch: Partial<SettingsFormValues>) => {
    setValues((v) => ({ ...v, ...patch }))
    setNotice('')
  }
  const onNumber = (field: NumberField, value: string, bad: boolean) => {
    update({ [field]: value })
    setUnreadable((s) => {
      const next = new Set(s)
      if (bad) next.add(field)
      else next.delete(field)
      return next
    })
  }

  /** The settings as entered, or null after revealing what is wrong. */
  const settingsOrReveal = (): ConversationSettings | null => {
    if ('settings' in parsed) return parsed.settings
    setShown(new Set(Object.keys(parsed.errors)))
    return null
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const settings = settingsOrReveal()
    if (!settings) return
    if (await saveConversationSettings(settings)) setNotice('Settings saved.')
  }

  const invalid = Object.keys(errors).some((field) => shown.has(field))
  return (
    <>
      <form className="settings-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextAreaField
          label="System prompt"
          value={values.systemPrompt}
          error={visibleError('systemPrompt')}
          rows={3}
          onChange={(systemPrompt) => update({ systemPrompt })}
          onBlur={() => reveal('systemPrompt')}
        />
        <div className="settings-form__grid">
          {NUMBER_FIELDS.map((field) => (
            <NumberInput
              key={field}
              field={field}
              value={values[field]}
              error={visibleError(field)}
              placeholder={field === 'temperature' && defaultTemperature !== null ? `${defaultTemperature} (default)` : undefined}
              onChange={onNumber}
              onBlur={reveal}
            />
          ))}
        </div>
        <TextAreaField
          label="Stop sequences"
          value={values.stop}
          error={visibleError('stop')}
          hint="One per line, or separated by commas. Up to 8."
          rows={2}
          onChange={(stop) => update({ stop })}
          onBlur={() => reveal('stop')}
        />
        <label className="checkbox">
          <input type="checkbox" checked={values.safePrompt} onChange={(e) => update({ safePrompt: e.target.checked })} />
          Safe prompt
        </label>
        {invalid ? (
          <p role="alert" className="field__error">
            Some values are out of range; fix the fields marked above.
          </p>
        ) : null}
        <ErrorNotice error={saveError} onDismiss={dismissSettingsError} />
        <div className="settings-form__actions">
          <button type="submit" className="button--primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <p role="status" className="settings-form__notice">
            {notice}
          </p>
        </div>
      </form>
      <SavePresetForm settings={settingsOrReveal} />
    </>
  )
}
