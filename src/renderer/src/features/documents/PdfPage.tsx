/**
 * One page of the original PDF on a canvas, drawn by pdf.js in its worker. The document
 * is loaded once per id (its bytes come from the host in chunks) and kept while open.
 */
import { useEffect, useRef, useState } from 'react'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { readBlob } from './transfer'

/** pdf.js loads on the first PDF page shown, so it stays out of the start-up bundle. */
async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist')
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url).href
  return pdfjs
}

let loaded: { id: string; doc: Promise<PDFDocumentProxy> } | null = null

function pdfOf(id: string): Promise<PDFDocumentProxy> {
  if (loaded?.id !== id) {
    void loaded?.doc.then((d) => d.destroy()).catch(() => undefined)
    const doc = readBlob(`original:${id}`)
      .then((blob) => blob.arrayBuffer())
      .then(async (data) => (await loadPdfjs()).getDocument({ data: new Uint8Array(data), isEvalSupported: false }).promise)
    loaded = { id, doc }
  }
  return loaded.doc
}

export function PdfPage({ documentId, index, width }: { documentId: string; index: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    let task: { cancel(): void } | null = null
    void pdfOf(documentId)
      .then(async (doc) => {
        const page = await doc.getPage(index + 1)
        const el = canvas.current
        if (cancelled || !el) return
        const unscaled = page.getViewport({ scale: 1 })
        const viewport = page.getViewport({ scale: width / unscaled.width })
        const ratio = window.devicePixelRatio || 1
        el.width = Math.floor(viewport.width * ratio)
        el.height = Math.floor(viewport.height * ratio)
        el.style.width = `${viewport.width}px`
        el.style.height = `${viewport.height}px`
        const render = page.render({ canvas: el, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] })
        task = render
        await render.promise
      })
      .catch((err: unknown) => {
        if (!cancelled && (err as Error)?.name !== 'RenderingCancelledException') setFailed(true)
      })
    return () => {
      cancelled = true
      task?.cancel()
    }
  }, [documentId, index, width])
  if (failed) return <p className="documents__note">The original page could not be drawn.</p>
  return <canvas ref={canvas} className="documents-viewer__canvas" aria-label={`Original page ${index + 1}`} role="img" />
}
