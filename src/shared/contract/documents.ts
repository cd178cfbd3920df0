/**
 * OCR documents: intake from a path (Electron drops) or from bytes streamed in chunks
 * (browser host), the queue, stored documents, their pages and full-text search.
 */
import { z } from 'zod'
import type {
  DocumentAskContext,
  DocumentChunk,
  DocumentDetail,
  DocumentExport,
  DocumentPage,
  DocumentSearchHit,
  DocumentSummary,
  QueueItem,
} from '../domain'
import { channel, empty, id, modelId, returns } from './define'

/** Base64 of at most 768 KiB per chunk: about 1 MB on the wire, well under any frame limit. */
export const UPLOAD_CHUNK_BYTES = 768 * 1024
const MAX_CHUNK_BASE64 = Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4

export const ocrOptionsSchema = z
  .object({
    model: modelId.optional(),
    pages: z
      .string()
      .trim()
      .max(2000)
      .regex(/^\d+(-\d+)?(,\s*\d+(-\d+)?)*$/, 'Pages are numbers and ranges from 0, e.g. 0-4,7')
      .nullable()
      .optional(),
    includeImages: z.boolean().optional(),
    tableFormat: z.enum(['markdown', 'html']).optional(),
    extractHeader: z.boolean().optional(),
    extractFooter: z.boolean().optional(),
    confidence: z.enum(['word', 'page', 'block']).nullable().optional(),
    includeBlocks: z.boolean().optional(),
    annotationSchema: z
      .object({ name: z.string().trim().min(1).max(64), schema: z.record(z.string(), z.unknown()) })
      .strict()
      .nullable()
      .optional(),
  })
  .strict()

const fileName = z.string().trim().min(1).max(255)

export const channels = {
  /** Electron: a dropped or picked file, by the path the preload got from webUtils. Checked again here. */
  'documents.addPath': channel(
    z.object({ path: z.string().min(1).max(4096), options: ocrOptionsSchema.optional() }).strict(),
    returns<QueueItem>(),
  ),
  /** Browser host: announces a file whose bytes follow in chunks. */
  'documents.uploadStart': channel(
    z.object({ fileName, bytes: z.number().int().min(0).max(2 ** 40) }).strict(),
    returns<{ uploadId: string }>(),
  ),
  'documents.uploadChunk': channel(
    z.object({ uploadId: id, offset: z.number().int().min(0), data: z.string().max(MAX_CHUNK_BASE64) }).strict(),
    returns<{ received: number }>(),
  ),
  /** The last chunk arrived: the file joins the queue. */
  'documents.uploadEnd': channel(
    z.object({ uploadId: id, options: ocrOptionsSchema.optional() }).strict(),
    returns<QueueItem>(),
  ),
  'documents.queue': channel(empty, returns<QueueItem[]>()),
  /** Sends an item that waits for confirmation because its estimate is above the threshold. */
  'documents.confirm': channel(z.object({ itemId: id }).strict(), returns<QueueItem>()),
  'documents.cancel': channel(z.object({ itemId: id }).strict(), returns<QueueItem>()),
  /** Runs a failed item again, reusing its upload when the API still has it. */
  'documents.retry': channel(z.object({ itemId: id }).strict(), returns<QueueItem>()),
  /** Forgets finished, failed and cancelled items. */
  'documents.clearQueue': channel(empty, returns<QueueItem[]>()),
  'documents.confirmThreshold': channel(
    z.object({ usd: z.number().min(0).max(10_000).optional() }).strict(),
    returns<{ usd: number }>(),
  ),
  'documents.list': channel(empty, returns<DocumentSummary[]>()),
  'documents.get': channel(z.object({ id }).strict(), returns<DocumentDetail>()),
  'documents.page': channel(
    z.object({ id, index: z.number().int().min(0).max(100_000) }).strict(),
    returns<DocumentPage>(),
  ),
  /** Full-text search over OCR page text; one hit per matching page, newest documents first. */
  'documents.search': channel(
    z.object({ query: z.string().trim().min(1).max(500) }).strict(),
    returns<DocumentSearchHit[]>(),
  ),
  /** Builds a download: the Markdown file, a ZIP (Markdown, images/, tables/) or the tables as CSV. */
  'documents.export': channel(
    z.object({ id, format: z.enum(['markdown', 'zip', 'csv']) }).strict(),
    returns<DocumentExport>(),
  ),
  /** Electron: writes <name>.md and images/ into a folder the user chose. */
  'documents.exportFolder': channel(z.object({ id, dir: z.string().min(1).max(4096) }).strict(), returns<{ path: string }>()),
  /** Reads stored bytes in bounded chunks: `original:<id>`, `image:<id>:<imageId>` or `export:<exportId>`. */
  'documents.read': channel(
    z.object({ ref: z.string().min(1).max(200), offset: z.number().int().min(0) }).strict(),
    returns<DocumentChunk>(),
  ),
  /** The system prompt for "Ask about this document" (pass it to chat.send's settings); `pages` from 1. */
  'documents.askContext': channel(
    z.object({ id, pages: z.array(z.number().int().min(1).max(100_000)).max(1000).optional() }).strict(),
    returns<DocumentAskContext>(),
  ),
  'documents.delete': channel(z.object({ id }).strict(), returns<{ deleted: boolean }>()),
}

export const events = {
  /** A queue item changed stage or progress. */
  'documents.queueChanged': returns<QueueItem>(),
}
