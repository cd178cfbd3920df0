/**
 * A document beside its OCR result: the original page (pdf.js canvas, or the image)
 * with the API's image and block boxes drawn over it, and the page's markdown through
 * the chat's renderer, with extracted images inline. Page navigation, raw toggle, copy
 * and exports sit above both.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import type { DocumentDetail, DocumentPage } from '../../../../shared/domain'
import { copyText } from '../../components/copy-text'
import { showPage } from './documents-store'
import { DocumentExports } from './DocumentExports'
import { PdfPage } from './PdfPage'
import { readBlob } from './transfer'

const PANE_WIDTH = 400
// Lazy, as in chat: the markdown renderer (marked, KaTeX, highlight.js) is not part of start-up.
const MarkdownBody = lazy(() => import('../chat/markdown/MarkdownBody'))

/** Blob URLs of the page's stored images, revoked when the page changes. */
function usePageImages(page: DocumentPage | null): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({})
  useEffect(() => {
    if (!page) return
    let cancelled = false
    const made: string[] = []
    void Promise.all(
      page.images
        .filter((img) => img.sha256)
        .map(async (img) => {
          const url = URL.createObjectURL(await readBlob(`image:${page.documentId}:${img.imageId}`, img.mime ?? undefined))
          made.push(url)
          return [img.imageId, url] as const
        }),
    ).then((pairs) => !cancelled && setUrls(Object.fromEntries(pairs)))
    return () => {
      cancelled = true
      made.forEach((u) => URL.revokeObjectURL(u))
    }
  }, [page])
  return urls
}

/** Table placeholders become the tables; image references become the stored images. */
function viewerMarkdown(page: DocumentPage, images: Record<string, string>): string {
  let text = page.markdown
  for (const t of page.tables) text = text.split(`[${t.id}](${t.id})`).join(t.content)
  for (const [id, url] of Object.entries(images)) text = text.split(`](${id})`).join(`](${url})`)
  return text
}

function useOriginalImage(doc: DocumentDetail): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (doc.kind === 'pdf') return
    let made: string | null = null
    void readBlob(`original:${doc.id}`).then((blob) => {
      made = URL.createObjectURL(blob)
      setUrl(made)
    })
    return () => {
      if (made) URL.revokeObjectURL(made)
    }
  }, [doc])
  return url
}

function PageField({ shown, total, onGo }: { shown: number; total: number; onGo: (pageNumber: number) => void }) {
  const [typed, setTyped] = useState(shown > 0 ? String(shown) : '')
  const commit = () => {
    const n = Number(typed)
    if (Number.isInteger(n) && n >= 1 && n <= total && n !== shown) onGo(n)
  }
  return (
    <label>
      Page{' '}
      <input
        type="number"
        min={1}
        max={total}
        value={typed}
        aria-label="Page"
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        onBlur={commit}
      />
    </label>
  )
}

export function DocumentViewer({ doc, page }: { doc: DocumentDetail; page: DocumentPage | null }) {
  const [raw, setRaw] = useState(false)
  const [copied, setCopied] = useState(false)
  const [hovered, setHovered] = useState<string | null>(null)
  const images = usePageImages(page)
  const original = useOriginalImage(doc)
  const position = page ? doc.pageIndexes.indexOf(page.index) : -1
  const total = doc.pageIndexes.length
  const markdown = useMemo(() => (page ? viewerMarkdown(page, images) : ''), [page, images])

  const go = (to: number) => {
    const index = doc.pageIndexes[Math.max(0, Math.min(total - 1, to))]
    if (index !== undefined) void showPage(doc.id, index)
  }
  const scale = page?.width ? PANE_WIDTH / page.width : 1

  return (
    <section className="documents-viewer" aria-label={`Document ${doc.name}`}>
      <header className="documents-viewer__bar">
        <h2 className="documents-viewer__title">{doc.name}</h2>
        <nav className="documents-viewer__pages" aria-label="Pages">
          <button type="button" onClick={() => go(position - 1)} disabled={position <= 0}>
            Previous page
          </button>
          {/* Keyed by the page shown, so moving pages resets what was typed. */}
          <PageField key={position} shown={position + 1} total={total} onGo={(n) => go(n - 1)} />
          <span>of {total}</span>
          <button type="button" onClick={() => go(position + 1)} disabled={position >= total - 1}>
            Next page
          </button>
        </nav>
        <label className="documents-viewer__toggle">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Raw markdown
        </label>
        <button
          type="button"
          onClick={() =>
            void copyText(page?.markdown ?? '').then((ok) => {
              setCopied(ok)
              setTimeout(() => setCopied(false), 1500)
            })
          }
        >
          {copied ? 'Copied' : 'Copy page'}
        </button>
        <DocumentExports doc={doc} />
      </header>
      {page?.averageConfidence != null ? (
        <p className="documents__note">Average confidence on this page: {Math.round(page.averageConfidence * 100)}%</p>
      ) : null}
      <div className="documents-viewer__panes">
        <div className="documents-viewer__original" style={{ width: PANE_WIDTH }}>
          {page ? (
            doc.kind === 'pdf' ? (
              <PdfPage documentId={doc.id} index={page.index} width={PANE_WIDTH} />
            ) : original ? (
              <img src={original} alt={`Original of ${doc.name}`} style={{ width: PANE_WIDTH }} />
            ) : null
          ) : null}
          {page?.images.map((img) => (
            <div
              key={img.imageId}
              className={`documents-viewer__box documents-viewer__box--image${hovered === img.imageId ? ' is-hovered' : ''}`}
              title={img.imageId}
              aria-label={`Image box ${img.imageId}`}
              role="img"
              onMouseEnter={() => setHovered(img.imageId)}
              onMouseLeave={() => setHovered(null)}
              style={{
                left: img.topLeftX * scale,
                top: img.topLeftY * scale,
                width: (img.bottomRightX - img.topLeftX) * scale,
                height: (img.bottomRightY - img.topLeftY) * scale,
              }}
            />
          ))}
          {page?.blocks
            .filter((b) => b.type !== 'image')
            .map((b, i) => (
              <div
                key={i}
                className="documents-viewer__box"
                title={b.content.slice(0, 80)}
                style={{ left: b.topLeftX * scale, top: b.topLeftY * scale, width: (b.bottomRightX - b.topLeftX) * scale, height: (b.bottomRightY - b.topLeftY) * scale }}
              />
            ))}
        </div>
        <div className="documents-viewer__text" aria-label="Page text">
          {page ? raw ? <pre className="documents-viewer__raw">{page.markdown}</pre> : <Suspense fallback={null}><MarkdownBody text={markdown} /></Suspense> : null}
        </div>
      </div>
      {doc.annotation ? (
        <section className="documents-viewer__fields" aria-label="Extracted fields">
          <h3>Extracted fields {doc.annotationValid ? '(valid JSON for the schema)' : '(does not match the schema)'}</h3>
          <pre>{JSON.stringify(JSON.parse(doc.annotation), null, 2)}</pre>
        </section>
      ) : null}
    </section>
  )
}
