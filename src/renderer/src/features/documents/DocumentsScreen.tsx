/**
 * The documents screen: "Add documents", the OCR queue, the stored documents and search
 * over their page text beside the viewer of the open one.
 */
import { useRef, useState } from 'react'
import type { DocumentSearchHit } from '../../../../shared/domain'
import { call } from '../../api'
import { ErrorNotice } from '../../components/ErrorNotice'
import { navigate } from '../../shell/navigation'
import { AskAboutDocument } from './AskAboutDocument'
import { addFiles, dismissDocumentsError, useDocumentsStore } from './documents-store'
import { documentPath } from './documents-paths'
import { DocumentViewer } from './DocumentViewer'
import { OcrQueue } from './OcrQueue'
import './documents.css'

/** What the file picker offers: every type Mistral OCR takes (the host checks the bytes anyway). */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.bmp,.gif,.webp,application/pdf,image/*'

function PageSearch() {
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<DocumentSearchHit[] | null>(null)
  const run = async (q: string) => {
    setQuery(q)
    setHits(q.trim() ? await call('documents.search', { query: q }).catch(() => []) : null)
  }
  return (
    <div className="documents-search">
      <input type="search" aria-label="Search documents" placeholder="Search documents" value={query} onChange={(e) => void run(e.target.value)} />
      {hits ? (
        <ul aria-label="Document search results">
          {hits.length === 0 ? <li className="documents__note">No page mentions that.</li> : null}
          {hits.map((hit) => (
            <li key={`${hit.documentId}:${hit.pageIndex}`}>
              <button type="button" onClick={() => navigate(documentPath(hit.documentId, hit.pageIndex + 1))}>
                {hit.name} — p. {hit.pageIndex + 1}
              </button>
              <p className="documents-search__snippet">{hit.snippet.replace(/[\uE000\uE001]/g, '')}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

export function DocumentsScreen() {
  const input = useRef<HTMLInputElement>(null)
  const list = useDocumentsStore((s) => s.list)
  const open = useDocumentsStore((s) => s.open)
  const page = useDocumentsStore((s) => s.page)
  const error = useDocumentsStore((s) => s.error)
  return (
    <div className="documents">
      <aside className="documents__side">
        <button type="button" className="documents__add" onClick={() => input.current?.click()}>
          Add documents
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept={ACCEPT}
          aria-label="Documents to add"
          onChange={(e) => {
            void addFiles([...(e.target.files ?? [])])
            e.target.value = ''
          }}
        />
        <p className="documents__note">Or drop PDFs and images anywhere in the window.</p>
        <ErrorNotice error={error} onDismiss={dismissDocumentsError} />
        <OcrQueue />
        <PageSearch />
        <ul className="documents__list" aria-label="Documents">
          {list.map((doc) => (
            <li key={doc.id}>
              <button type="button" aria-current={open?.id === doc.id ? 'page' : undefined} onClick={() => navigate(documentPath(doc.id))}>
                {doc.name} <span className="documents__meta">{doc.pageCount} p. · {doc.pagesProcessed} billed</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <main className="documents__main">
        {open ? (
          <>
            <DocumentViewer doc={open} page={page} />
            <AskAboutDocument doc={open} />
          </>
        ) : (
          <p className="documents__empty">Add a PDF or an image to read it as markdown, page by page, beside the original.</p>
        )}
      </main>
    </div>
  )
}
