/**
 * The model for the next message: a combobox with a listbox (ARIA 1.2). Typing filters;
 * arrows move through the list without changing the model; Enter or a click picks; Esc
 * and Tab close and keep the model as it was. Deprecated models hide behind a toggle.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { loadModels, selectModel, selectSelectedModel, useModelsStore } from '../../models/models-store'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { CAPABILITY_LABELS, groupOptions, toOption, type ModelOption } from './model-options'
import { recentModels, rememberRecent } from './recent-models'
import './model-picker.css'

const INPUT_ID = 'model-input'
const LIST_ID = 'model-listbox'
const optionId = (id: string) => `model-option-${id}`

export function ModelPicker() {
  const models = useModelsStore((s) => s.models)
  const selected = useModelsStore(selectSelectedModel)
  const selectedId = useModelsStore((s) => s.selected)
  const loading = useModelsStore((s) => s.loading)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [showDeprecated, setShowDeprecated] = useState(false)
  const [active, setActive] = useState<string | null>(null)
  const root = useRef<HTMLDivElement>(null)

  const options = useMemo(() => models.map(toOption).filter((o): o is ModelOption => o !== null), [models])
  const groups = useMemo(
    () => (open ? groupOptions(options, { query, showDeprecated, recent: recentModels() }) : []),
    [open, options, query, showDeprecated],
  )
  const flat = groups.flatMap((g) => g.options)
  const current = selected ? toOption(selected) : null
  const shownName = current?.name ?? selectedId ?? (loading ? 'Loading models…' : 'No models yet')

  const openList = () => {
    setOpen(true)
    setActive(selectedId)
  }
  const close = () => {
    setOpen(false)
    setQuery('')
  }
  const pick = (id: string) => {
    selectModel(id)
    rememberRecent(id)
    close()
  }
  const move = (by: number) => {
    if (!open) return openList()
    if (flat.length === 0) return
    const at = flat.findIndex((o) => o.id === active)
    const next = flat[(at + by + flat.length) % flat.length] ?? flat[0]
    setActive(next?.id ?? null)
    document.getElementById(optionId(next?.id ?? ''))?.scrollIntoView({ block: 'nearest' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      move(e.key === 'ArrowDown' ? 1 : -1)
    } else if (e.key === 'Enter' && open) {
      e.preventDefault()
      const chosen = flat.find((o) => o.id === active) ?? flat[0]
      if (chosen) pick(chosen.id)
    } else if (e.key === 'Escape' && open) {
      // Handled here, so the window's Esc does not also stop a reply.
      e.preventDefault()
      close()
    } else if (e.key === 'Tab') {
      close()
    }
  }

  const activeShown = open && flat.some((o) => o.id === active)
  return (
    <div
      ref={root}
      className="model-picker"
      onBlur={(e) => {
        if (!root.current?.contains(e.relatedTarget as Node | null)) close()
      }}
    >
      <label htmlFor={INPUT_ID} className="model-picker__label">
        Model
      </label>
      <input
        id={INPUT_ID}
        role="combobox"
        className="model-picker__input"
        aria-expanded={open}
        aria-controls={open ? LIST_ID : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeShown && active ? optionId(active) : undefined}
        aria-describedby={current ? 'model-picker-facts' : undefined}
        value={open ? query : shownName}
        placeholder={open ? "Search models…" : undefined}
        onChange={(e) => {
          setQuery(e.target.value)
          if (!open) setOpen(true)
          setActive(null)
        }}
        onClick={() => (open ? close() : openList())}
        onKeyDown={onKeyDown}
        disabled={models.length === 0}
        autoComplete="off"
        spellCheck={false}
      />
      {current ? (
        <span id="model-picker-facts" className="model-picker__facts muted">
          {current.context}
        </span>
      ) : null}
      {open ? (
        <div className="model-picker__popup">
          <ul
            id={LIST_ID}
            role="listbox"
            aria-label="Models"
            className="model-picker__list"
            // Clicks on the list (its scrollbar, a group title) keep focus in the search box.
            onMouseDown={(e) => e.preventDefault()}
          >
            {groups.length === 0 ? (
              <li role="presentation" className="model-picker__none muted">
                No model matches “{query}”.
              </li>
            ) : null}
            {groups.map((g) => (
              <li key={g.label} role="presentation">
                <div id={`model-group-${g.label}`} className="model-picker__group" aria-hidden="true">
                  {g.label}
                </div>
                <ul role="group" aria-labelledby={`model-group-${g.label}`} className="model-picker__options">
                  {g.options.map((o) => (
                    <OptionRow key={o.id} option={o} active={o.id === active} selected={o.id === selectedId} onPick={pick} />
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <label className="checkbox model-picker__deprecated">
            <input type="checkbox" checked={showDeprecated} onChange={(e) => setShowDeprecated(e.target.checked)} />
            Show deprecated models
          </label>
        </div>
      ) : null}
    </div>
  )
}

function OptionRow({ option: o, active, selected, onPick }: { option: ModelOption; active: boolean; selected: boolean; onPick: (id: string) => void }) {
  const caps = o.capabilities.map((c) => CAPABILITY_LABELS[c])
  return (
    <li
      id={optionId(o.id)}
      role="option"
      aria-selected={selected}
      className={`model-option${active ? ' model-option--active' : ''}`}
      // mousedown, not click: the input keeps focus, so the popup's blur does not close it first.
      onMouseDown={(e) => {
        e.preventDefault()
        onPick(o.id)
      }}
    >
      <span className="model-option__name">
        {o.name}
        {o.deprecated ? <span className="model-option__deprecated"> · deprecated</span> : null}
      </span>
      <span className="model-option__facts">
        {caps.map((c) => (
          <span key={c.badge} className="model-option__cap" title={c.label}>
            {c.badge}
          </span>
        ))}
        <span>{`${o.context} context${o.price ? ` · ${o.price}` : ''} · ${o.id}`}</span>
      </span>
    </li>
  )
}

/** Shown under the header: inside it, a long message would squeeze the title and the picker. */
export function ModelsError() {
  const error = useModelsStore((s) => s.error)
  return <ErrorNotice error={error} onRetry={() => void loadModels(true)} className="chat__error" />
}
