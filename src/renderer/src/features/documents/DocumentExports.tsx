/** Export buttons: Markdown, ZIP (with images and tables) and tables as CSV, downloaded from the host in chunks. */
import { useState } from 'react'
import type { DocumentDetail } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, toAppError } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { download, readBlob } from './transfer'

const FORMATS = [
  { format: 'markdown', label: 'Export Markdown' },
  { format: 'zip', label: 'Export ZIP' },
  { format: 'csv', label: 'Export tables as CSV' },
] as const

export function DocumentExports({ doc }: { doc: DocumentDetail }) {
  const [error, setError] = useState<AppError | null>(null)
  const run = async (format: (typeof FORMATS)[number]['format']) => {
    setError(null)
    try {
      const file = await call('documents.export', { id: doc.id, format })
      download(await readBlob(`export:${file.exportId}`, file.mime), file.fileName)
    } catch (err) {
      setError(toAppError(err))
    }
  }
  return (
    <span className="documents-viewer__exports">
      {FORMATS.map((f) => (
        <button key={f.format} type="button" onClick={() => void run(f.format)}>
          {f.label}
        </button>
      ))}
      <ErrorNotice error={error} onDismiss={() => setError(null)} />
    </span>
  )
}
