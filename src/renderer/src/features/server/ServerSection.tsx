/**
 * Settings → API server: the host's default, a region (global, EU, US) or a custom URL
 * (a proxy, a self-hosted server). Saving points every later call there and reloads the
 * model list, which belongs to the server.
 */
import { useEffect, useId, useState } from 'react'
import { REGION_URLS, type ServerRegion, type ServerSettings } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { loadModels } from '../models/models-store'
import './server.css'

const CHOICES: readonly { region: ServerRegion; label: string }[] = [
  { region: 'default', label: 'Default' },
  { region: 'global', label: 'Global' },
  { region: 'eu', label: 'EU' },
  { region: 'us', label: 'US' },
  { region: 'custom', label: 'Custom URL' },
]

export function ServerSection() {
  const [current, setCurrent] = useState<ServerSettings | null>(null)
  const [region, setRegion] = useState<ServerRegion>('default')
  const [customUrl, setCustomUrl] = useState('')
  const [error, setError] = useState<AppError | null>(null)
  const [saved, setSaved] = useState(false)
  const ids = useId()

  useEffect(() => {
    call('server.get', {}).then(
      (s) => {
        setCurrent(s)
        setRegion(s.region)
        setCustomUrl(s.customUrl ?? '')
      },
      (err: unknown) => setError(toAppError(err)),
    )
  }, [])

  const save = async () => {
    setError(null)
    setSaved(false)
    try {
      const next = await call('server.set', region === 'custom' ? { region, customUrl } : { region })
      setCurrent(next)
      setSaved(true)
      void loadModels(true)
    } catch (err) {
      setError(toAppError(err))
    }
  }

  const urlOf = (r: ServerRegion) => (r === 'default' ? current?.defaultUrl : r === 'custom' ? null : REGION_URLS[r])
  return (
    <section className="settings__section" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>API server</h2>
      <fieldset className="server-settings__choices">
        <legend>Where requests go</legend>
        {CHOICES.map(({ region: r, label }) => (
          <label key={r} className="server-settings__choice">
            <input type="radio" name={`${ids}-region`} value={r} checked={region === r} onChange={() => setRegion(r)} />
            {label}
            {urlOf(r) ? <span className="muted"> ({urlOf(r)})</span> : null}
          </label>
        ))}
      </fieldset>
      {region === 'custom' ? (
        <div className="server-settings__url">
          <label htmlFor={`${ids}-url`}>Custom server URL</label>
          <input id={`${ids}-url`} type="url" value={customUrl} placeholder="https://proxy.example.com" onChange={(e) => setCustomUrl(e.target.value)} />
        </div>
      ) : null}
      <div>
        <button type="button" onClick={() => void save()}>
          Save server
        </button>
        {saved && current ? <span role="status"> Requests now go to {current.url}</span> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  )
}
