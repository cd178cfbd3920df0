/** Settings → Data: Export all, Import (preview, then import), Back up now and Restore. */
import { useEffect, useId, useState } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import {
  backupNow,
  cancelImport,
  confirmImport,
  dismissHistoryError,
  exportAll,
  loadBackups,
  previewImport,
  restoreBackup,
  useHistoryStore,
} from './history-store'
import './history.css'

export function DataSection() {
  const busy = useHistoryStore((s) => s.busy)
  const error = useHistoryStore((s) => s.error)
  const notice = useHistoryStore((s) => s.notice)
  const health = useHistoryStore((s) => s.health)
  const fileId = useId()
  useEffect(() => void loadBackups(), [])

  return (
    <section className="settings__section data-section" aria-labelledby="data-title">
      <h2 id="data-title">Data</h2>
      {health?.recovered ? (
        <p role="alert" className="data-section__alert">
          The database was damaged ({health.recovered.problem}). The backup from{' '}
          {new Date(health.recovered.backup.createdAt).toLocaleString()} was restored; anything after it is lost. The
          damaged file was kept at {health.recovered.damagedFile}.
        </p>
      ) : null}
      {health?.unrecoverable ? <p role="alert" className="data-section__alert">{health.unrecoverable}</p> : null}
      <ErrorNotice error={error} onDismiss={dismissHistoryError} />
      <p role="status" className="muted">{notice ?? ''}</p>
      <div className="data-section__row">
        <button type="button" disabled={busy} onClick={() => void exportAll('json')}>
          Export all
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAll('markdown')}>
          Export all as Markdown
        </button>
        <label htmlFor={fileId} className="data-section__import">
          Import
        </label>
        <input
          id={fileId}
          type="file"
          accept=".json,.zip,application/json,application/zip"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void previewImport(file)
          }}
        />
      </div>
      <ImportPreviewPanel />
      <Backups />
    </section>
  )
}

function ImportPreviewPanel() {
  const pending = useHistoryStore((s) => s.pending)
  const busy = useHistoryStore((s) => s.busy)
  if (!pending) return null
  const { preview, file } = pending
  const fresh = preview.conversations.filter((c) => !c.alreadyImported)
  return (
    <div className="data-section__preview" role="region" aria-label="Import preview">
      <h3>
        {file.fileName}: {preview.format} export
      </h3>
      {preview.problems.length > 0 ? (
        <>
          <p>Nothing can be imported from this file until these records are fixed:</p>
          <ul aria-label="Import problems">
            {preview.problems.map((p, i) => (
              <li key={i}>
                {p.file}
                {p.index !== null ? `, conversation ${p.index + 1}` : ''}: {p.reason}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <ul aria-label="Conversations to import">
          {preview.conversations.map((c) => (
            <li key={c.index}>
              {c.title} — {c.messageCount} messages{c.alreadyImported ? ' (already here, skipped)' : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="data-section__row">
        {preview.problems.length === 0 ? (
          <button type="button" disabled={busy || fresh.length === 0} onClick={() => void confirmImport()}>
            Import {fresh.length} conversation{fresh.length === 1 ? '' : 's'}
          </button>
        ) : null}
        <button type="button" className="button--quiet" onClick={cancelImport}>
          Cancel import
        </button>
      </div>
    </div>
  )
}

function Backups() {
  const backups = useHistoryStore((s) => s.backups)
  const busy = useHistoryStore((s) => s.busy)
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <div className="data-section__backups">
      <h3>Backups</h3>
      <p className="muted">A copy of the whole database is made every day (the last 7 are kept) and whenever you ask.</p>
      <button type="button" disabled={busy} onClick={() => void backupNow()}>
        Back up now
      </button>
      <ul aria-label="Backups">
        {backups.map((b) => {
          const when = new Date(b.createdAt).toLocaleString()
          return (
            <li key={b.fileName}>
              <span>
                {when} · {(b.bytes / 1024 / 1024).toFixed(1)} MB
              </span>
              {confirming === b.fileName ? (
                <span>
                  Replace the current history with this backup? It is backed up first.{' '}
                  <button
                    type="button"
                    className="button--danger"
                    disabled={busy}
                    onClick={() => {
                      setConfirming(null)
                      void restoreBackup(b.fileName)
                    }}
                  >
                    Yes, restore
                  </button>
                  <button type="button" className="button--quiet" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </span>
              ) : (
                <button type="button" aria-label={`Restore the backup from ${when}`} disabled={busy} onClick={() => setConfirming(b.fileName)}>
                  Restore
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
