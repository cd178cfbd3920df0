/** "Models": every model the key can use, with capability badges, context, aliases, price and retirement. */
import { useEffect } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import type { ModelSummary } from '../../../../shared/domain'
import { FineTunedActions } from './FineTunedActions'
import { BADGES, badgesOf, loadCatalog, useModelsScreen, visibleModels, type Capability, type SortKey } from './models-screen-store'
import { formatContext } from './models-store'
import './models.css'

const usd = (n: number | null | undefined) => (n == null ? '—' : `$${n}`)

function Retirement({ model }: { model: ModelSummary }) {
  if (!model.deprecated && !model.retiresAt) return <span>—</span>
  const date = model.retiresAt?.slice(0, 10)
  return (
    <span className="models-warning">
      {date ? `Deprecated · retires ${date}` : 'Deprecated'}
      {model.replacement ? ` · use ${model.replacement}` : ''}
    </span>
  )
}

export function ModelsScreen() {
  const view = useModelsScreen((s) => s.view)
  const loading = useModelsScreen((s) => s.loading)
  const error = useModelsScreen((s) => s.error)
  const capability = useModelsScreen((s) => s.capability)
  const sort = useModelsScreen((s) => s.sort)
  useEffect(() => {
    void loadCatalog()
  }, [])
  const models = visibleModels(view?.models ?? [], capability, sort)

  return (
    <section className="pane models-screen" aria-labelledby="models-title">
      <header className="models-head">
        <h1 id="models-title">Models</h1>
        <button type="button" onClick={() => void loadCatalog(true)} disabled={loading}>
          {loading ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {view?.offline ? (
        <p role="status" className="models-offline">
          Offline: showing the list saved {new Date(view.fetchedAt).toLocaleString()}.
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={() => void loadCatalog(true)} /> : null}
      <div className="models-controls">
        <label>
          Capability{' '}
          <select value={capability} onChange={(e) => useModelsScreen.setState({ capability: e.target.value as Capability | 'all' })}>
            <option value="all">All</option>
            {BADGES.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by{' '}
          <select value={sort} onChange={(e) => useModelsScreen.setState({ sort: e.target.value as SortKey })}>
            <option value="name">Name</option>
            <option value="price">Price</option>
            <option value="context">Context length</option>
          </select>
        </label>
        <span className="models-count">{models.length} models</span>
      </div>
      {view && models.length === 0 ? <p>No model has this capability. Choose another filter.</p> : null}
      <table className="models-table" aria-label="Models">
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Capabilities</th>
            <th scope="col">Context</th>
            <th scope="col">Aliases</th>
            <th scope="col">Price /M tokens (in · out)</th>
            <th scope="col">Deprecation</th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id} aria-label={m.id}>
              <th scope="row">
                <span className="models-name">{m.name}</span>
                <code>{m.id}</code>
                {m.fineTuned ? (
                  <span className="models-ft">
                    Fine-tuned from {m.fineTuned.root} · job {m.fineTuned.job.slice(0, 8)}
                    {m.fineTuned.archived ? ' · archived' : ''}
                  </span>
                ) : null}
                {m.fineTuned ? <FineTunedActions model={m} /> : null}
              </th>
              <td>
                <ul className="models-badges" aria-label={`Capabilities of ${m.id}`}>
                  {badgesOf(m).map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </td>
              <td>{formatContext(m.maxContextLength)}</td>
              <td>{m.aliases.join(', ') || '—'}</td>
              <td>
                {usd(m.price?.inputUsdPerMTok)} · {usd(m.price?.outputUsdPerMTok)}
              </td>
              <td>
                <Retirement model={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
