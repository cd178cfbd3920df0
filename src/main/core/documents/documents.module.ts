/**
 * OCR documents: the intake queue (checks, transport, cache, usage), the stored
 * documents with their pages and images, and full-text search over page text.
 */
import path from 'node:path'
import catalog from '../../../../resources/model-catalog.json' with { type: 'json' }
import { AppErrorException, appError } from '../../../shared/errors'
import type { FeatureModule } from '../module'
import { askContext } from './ask-context'
import { ChunkedUploads } from './chunked-uploads'
import { DocumentExporter } from './document-export'
import { DocumentReader } from './document-reader'
import { DocumentsRepo } from './documents-repo'
import { DocumentsService } from './documents-service'
import { IntakeQueue } from './intake-queue'
import * as m001 from './migrations/001-documents'
import { OcrPrices } from './ocr-prices'
import { resolveOptions } from './ocr-options'

export const documentsModule: FeatureModule = {
  name: 'documents',
  migrations: [m001],
  create(kernel) {
    const repo = new DocumentsRepo(kernel.db)
    const documents = new DocumentsService(repo, kernel.files)
    const queue = new IntakeQueue(kernel, repo, new OcrPrices(kernel.options.catalog ?? catalog))
    const uploads = new ChunkedUploads(path.join(kernel.ports.dataDir, 'uploads-in-progress'))
    const exporter = new DocumentExporter(repo, kernel.files, path.join(kernel.ports.dataDir, 'exports'))
    exporter.clear()
    const reader = new DocumentReader(repo, kernel.files, exporter)
    return {
      handlers: {
        // The preload's path is only a claim: checkDocument stats and reads it again here.
        'documents.addPath': ({ path: file, options }, ctx) => {
          if (!path.isAbsolute(file)) throw new AppErrorException(appError('invalid_input', 'A dropped file must come with its full path.'))
          return queue.add(file, path.basename(file), resolveOptions(options), ctx)
        },
        'documents.uploadStart': ({ fileName, bytes }) => ({ uploadId: uploads.start(fileName, bytes) }),
        'documents.uploadChunk': ({ uploadId, offset, data }) => ({ received: uploads.append(uploadId, offset, data) }),
        'documents.uploadEnd': ({ uploadId, options }, ctx) => {
          const done = uploads.finish(uploadId)
          return queue.add(done.path, done.fileName, resolveOptions(options), ctx, done.discard)
        },
        'documents.queue': () => queue.items(),
        'documents.confirm': ({ itemId }) => queue.confirm(itemId),
        'documents.cancel': ({ itemId }) => queue.cancel(itemId),
        'documents.retry': ({ itemId }) => queue.retry(itemId),
        'documents.clearQueue': () => queue.clear(),
        'documents.confirmThreshold': ({ usd }) => ({ usd: queue.confirmThreshold(usd) }),
        'documents.list': () => documents.list(),
        'documents.get': ({ id }) => documents.get(id),
        'documents.page': ({ id, index }) => documents.page(id, index),
        'documents.search': ({ query }) => documents.search(query),
        'documents.export': ({ id, format }) => exporter.build(documents.stored(id), format),
        'documents.exportFolder': ({ id, dir }) => {
          if (!path.isAbsolute(dir)) throw new AppErrorException(appError('invalid_input', 'Choose a folder to export into.'))
          return { path: exporter.writeFolder(documents.stored(id), dir) }
        },
        'documents.read': ({ ref, offset }) => reader.read(ref, offset),
        'documents.askContext': ({ id, pages }) => {
          const doc = documents.stored(id)
          return askContext(doc.name, documents.pages(id, pages?.map((p) => p - 1)))
        },
        'documents.delete': ({ id }) => ({ deleted: documents.delete(id) }),
      },
      close: () => uploads.close(),
    }
  },
}
