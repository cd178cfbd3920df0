// POST /v1/ocr: check the request, fetch the document, apply the service's limits,
// read each selected page (a PDF's real text layer, or an image's fixed text) and reply.
import { apiError, sendJson, sleep } from '../../http'
import { findModel } from '../../model-catalog'
import type { Route } from '../route'
import { imageSize } from './document-kind'
import { documentBytes, MAX_DOCUMENT_PAGES } from './document-source'
import { openPdf, readPage, type PdfPage } from './pdf-pages'
import { documentAnnotation, imagePage, pageReply } from './reply'
import { badRequest, checkOcrRequest, OCR_OPERATION, selectPages } from './rules'

/** The dated model behind an alias, as the service names it in replies. */
function servedModel(id: string): string {
  const card = findModel(id)
  return card && id.endsWith('-latest') && card.aliases[0] ? card.aliases[0] : id
}

export const ocr: Route = {
  method: 'POST',
  path: '/v1/ocr',
  operationId: OCR_OPERATION,
  handle: async ({ res, body, meter, files, takeStreamFault }) => {
    const reply = (status: number, payload: unknown) => sendJson(res, status, payload, meter.charge(0))
    const checked = checkOcrRequest(body)
    if (!checked.ok) return reply(checked.status, checked.body)
    const request = checked.request
    const card = findModel(request.model)
    if (!card || !card.capabilities.ocr) return reply(400, apiError(`Invalid model: ${request.model}`, 'invalid_model', '1500'))

    const source = await documentBytes(request.document, files)
    if (!source.ok) return reply(source.status, source.body)

    let count = 1
    let read: (index: number) => Promise<PdfPage>
    if (source.kind === 'pdf') {
      const opened = await openPdf(source.bytes)
      if (!opened.ok) {
        const why = opened.reason === 'encrypted' ? 'The PDF is password-protected' : 'The PDF could not be read: it is corrupt or not a PDF'
        return reply(400, badRequest(why, 'document').body)
      }
      count = opened.doc.numPages
      if (count > MAX_DOCUMENT_PAGES) {
        await opened.doc.destroy()
        return reply(400, badRequest(`The document has ${count} pages; the maximum is ${MAX_DOCUMENT_PAGES}`, 'document').body)
      }
      read = (index) => readPage(opened.doc, index)
    } else {
      const page = imagePage(source.bytes, imageSize(source.kind, source.bytes))
      read = async () => page
    }
    const selected = selectPages(request.pages, count)
    if (!Array.isArray(selected)) return reply(selected.status, selected.body)
    // A slow-first-token fault delays the whole reply, as for a non-streamed chat reply: for testing cancel.
    const fault = takeStreamFault(false)
    if (fault?.kind === 'slow-first-token') {
      const gone = new AbortController()
      res.once('close', () => gone.abort())
      await sleep(fault.delayMs, gone.signal)
    }

    const pages = []
    let images = 0
    let tables = 0
    for (const index of selected) {
      const { page, used, tablesUsed } = pageReply(index, await read(index), {
        request,
        firstImage: images,
        firstTable: tables,
        imagesLeft: (request.imageLimit ?? Infinity) - images,
      })
      images += used
      tables += tablesUsed
      pages.push(page)
    }
    const markdown = pages.map((p) => p.markdown).join('\n\n')
    reply(200, {
      pages,
      model: servedModel(request.model),
      document_annotation: documentAnnotation(request, markdown),
      usage_info: { pages_processed: pages.length, doc_size_bytes: source.bytes.length },
    })
  },
}
