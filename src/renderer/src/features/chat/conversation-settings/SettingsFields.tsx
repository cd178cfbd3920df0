/** The labelled inputs of the conversation settings form; each shows its own error under it. */
import { useId, type ChangeEvent } from 'react'
import { NUMBER_RULES, type NumberField } from './settings-form'

interface NumberInputProps {
  field: NumberField
  value: string
  error: string | undefined
  placeholder?: string
  onChange: (field: NumberField, value: string, unreadable: boolean) => void
  onBlur: (field: NumberField) => void
}

export function NumberInput({ field, value, error, placeholder, onChange, onBlur }: NumberInputProps) {
  const id = useId()
  const rule = NUMBER_RULES[field]
  // A number input reports "" for text it cannot read ("1e", "--"); badInput tells that apart from empty.
  const change = (e: ChangeEvent<HTMLInputElement>) => onChange(field, e.target.value, e.target.validity.badInput)
  return (
    <div className="field">
      <label htmlFor={id}>{rule.label}</label>
      <input
        id={id}
        type="number"
        inputMode={rule.integer ? 'numeric' : 'decimal'}
        min={rule.min}
        max={rule.max}
        step={rule.step}
        value={value}
        placeholder={placeholder ?? 'Default'}
        onChange={change}
        onBlur={() => onBlur(field)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

interface TextAreaFieldProps {
  label: string
  value: string
  error: string | undefined
  hint?: string
  rows?: number
  onChange: (value: string) => void
  onBlur?: () => void
}

export function TextAreaField({ label, value, error, hint, rows = 3, onChange, onBlur }: TextAreaFieldProps) {
  const id = useId()
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div className="field field--wide">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  )
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} className="field__error">
      {error}
    </p>
  ) : null
}
