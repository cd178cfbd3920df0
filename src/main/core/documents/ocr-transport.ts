/**
 * How a checked document reaches Mistral OCR through the official SDK: up to 4 MB
 * inline as a base64 data URL; above that, uploaded to /v1/files (purpose ocr)
 * straight from disk (a file-backed Blob, so the 50 MB never sit in memory) and
 * referenced by file_id.
 */
import fs from 'node:fs'
import type { Mistral } from '@mistralai/mistralai'
import type { OCRRequest, OCRResponse } from '@mistralai/mistralai/models/components'
import { DOCUMENT_LIMITS, type DocumentKind, type OcrOptions } from '../../../shared/domain'

const MIME: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  gif: 'image/gif',
  webp: 'image/webp',
}

/** OCR of a large document takes minutes; the SDK's 300 s default would cut it. */
const OCR_TIMEOUT_MS = 15 * 60_000

export const mimeOf = (kind: DocumentKind) => MIME[kind]

export function needsUpload(bytes: number): boolean {
  return bytes > DOCUMENT_LIMITS.inlineBytes
}

export async function uploadForOcr(sdk: Mistral, path: string, name: string, kind: DocumentKind, signal: AbortSignal): Promise<string> {
  const blob = await fs.openAsBlob(path, { type: MIME[kind] })
  const file = new File([blob], name, { type: MIME[kind] })
  const created = await sdk.files.upload({ file, purpose: 'ocr' }, { signal, timeoutMs: OCR_TIMEOUT_MS })
  return created.id
}

function inlineDocument(path: string, kind: DocumentKind): OCRRequest['document'] {
  const url = `data:${MIME[kind]};base64,${fs.readFileSync(path).toString('base64')}`
  return kind === 'pdf' ? { type: 'document_url', documentUrl: url } : { type: 'image_url', imageUrl: url }
}

/** The request body's options, exactly the fields the spec lists. */
export function ocrRequest(options: OcrOptions, document: OCRRequest['document']): OCRRequest {
  return {
    model: options.model,
    document,
    ...(options.pages !== null ? { pages: options.pages } : {}),
    includeImageBase64: options.includeImages,
    tableFormat: options.tableFormat,
    extractHeader: options.extractHeader,
    extractFooter: options.extractFooter,
    includeBlocks: options.includeBlocks,
    ...(options.confidence ? { confidenceScoresGranularity: options.confidence } : {}),
    ...(options.annotationSchema
      ? {
          documentAnnotationFormat: {
            type: 'json_schema',
            jsonSchema: { name: options.annotationSchema.name, schemaDefinition: options.annotationSchema.schema },
          },
        }
      : {}),
  }
}

export interface OcrSource {
  path: string
  kind: DocumentKind
  bytes: number
  /** Set when the document was uploaded: it is sent by reference. */
  fileId: string | null
}

export function runOcr(sdk: Mistral, source: OcrSource, options: OcrOptions, signal: AbortSignal): Promise<OCRResponse> {
  const document: OCRRequest['document'] = source.fileId
    ? { type: 'file', fileId: source.fileId }
    : inlineDocument(source.path, source.kind)
  return sdk.ocr.process(ocrRequest(options, document), { signal, timeoutMs: OCR_TIMEOUT_MS })
}
