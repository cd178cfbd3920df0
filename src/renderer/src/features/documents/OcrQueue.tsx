/** The "OCR queue": each file's stage with a progress bar, its page count and estimate, and what it can do next. */
import type { QueueItem } from '../../../../shared/domain'
import { navigate } from '../../shell/navigation'
import { queueAction, useDocumentsStore } from './documents-store'
import { documentPath } from './documents-paths'

const STAGE_LABEL: Record<QueueItem['stage'], string> = {
  checking: 'Checking',
  confirm: 'Waiting for your confirmation',
  uploading: 'Uploading',
  processing: 'Processing',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(micro < 10_000 ? 4 : 2)}`
const WORKING = new Set<QueueItem['stage']>(['checking', 'uploading', 'processing', 'confirm'])

function Item({ item }: { item: QueueItem }) {
  const determinate = item.stage === 'done' ? 1 : item.progress
  return (
    <li className={`ocr-queue__item ocr-queue__item--${item.stage}`} aria-label={item.fileName}>
      <div className="ocr-queue__head">
        <span className="ocr-queue__name">{item.fileName}</span>
        <span className="ocr-queue__stage">
          {STAGE_LABEL[item.stage]}
          {item.cached ? ' (already stored, nothing billed)' : ''}
        </span>
      </div>
      {item.stage === 'failed' || item.stage === 'cancelled' ? null : (
        // No value while the stage's share is unknown: an indeterminate bar.
        <progress aria-label={`${item.fileName} progress`} max={1} {...(determinate === null ? {} : { value: determinate })} />
      )}
      <p className="ocr-queue__facts">
        {item.pages !== null ? `${item.pages} ${item.pages === 1 ? 'page' : 'pages'}` : ''}
        {item.estimateMicroUsd !== null && !item.cached ? ` · about ${usd(item.estimateMicroUsd)}` : ''}
      </p>
      {item.error ? (
        <p className="ocr-queue__error" role="alert">
          {item.error}
        </p>
      ) : null}
      <div className="ocr-queue__actions">
        {item.stage === 'confirm' ? (
          <button type="button" onClick={() => void queueAction('documents.confirm', item.id)}>
            Send {item.fileName}
          </button>
        ) : null}
        {WORKING.has(item.stage) ? (
          <button type="button" onClick={() => void queueAction('documents.cancel', item.id)}>
            Cancel {item.fileName}
          </button>
        ) : null}
        {item.stage === 'failed' && item.retryable ? (
          <button type="button" onClick={() => void queueAction('documents.retry', item.id)}>
            Retry {item.fileName}
          </button>
        ) : null}
        {item.stage === 'done' && item.documentId ? (
          <button type="button" onClick={() => navigate(documentPath(item.documentId!))}>
            Open {item.fileName}
          </button>
        ) : null}
      </div>
    </li>
  )
}

export function OcrQueue() {
  const queue = useDocumentsStore((s) => s.queue)
  const sending = useDocumentsStore((s) => s.sending)
  const names = Object.keys(sending)
  if (queue.length === 0 && names.length === 0) return null
  return (
    <ul className="ocr-queue" aria-label="OCR queue">
      {names.map((name) => (
        <li key={`sending:${name}`} className="ocr-queue__item" aria-label={`${name} (reading)`}>
          <div className="ocr-queue__head">
            <span className="ocr-queue__name">{name}</span>
            <span className="ocr-queue__stage">Reading {Math.round((sending[name] ?? 0) * 100)}%</span>
          </div>
          <progress aria-label={`${name} progress`} max={1} value={sending[name] ?? 0} />
        </li>
      ))}
      {queue.map((item) => (
        <Item key={item.id} item={item} />
      ))}
    </ul>
  )
}
