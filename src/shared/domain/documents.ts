/** OCR documents: the intake queue, stored documents and their pages, search hits. */

/** Mistral OCR's documented limits per document; checked locally before anything is sent. */
export const DOCUMENT_LIMITS = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 1000,
  /** Up to this size a document goes inline as a base64 data URL; above it, through /v1/files. */
  inlineBytes: 4 * 1024 * 1024,
} as const

/** Types told from the bytes. The labels are what the user sees. */
export const DOCUMENT_KINDS = {
  pdf: 'PDF',
  png: 'PNG',
  jpeg: 'JPEG',
  tiff: 'TIFF',
  bmp: 'BMP',
  gif: 'GIF',
  webp: 'WEBP',
} as const
export type DocumentKind = keyof typeof DOCUMENT_KINDS

export const DEFAULT_OCR_MODEL = 'mistral-ocr-latest'
/** Above this estimate (USD) the queue asks before sending; the user can change it. */
export const DEFAULT_CONFIRM_ABOVE_USD = 1

export interface OcrOptions {
  model: string
  /** Page numbers from 0, as the API takes them ('0-4,7'); null for every page. */
  pages: string | null
  includeImages: boolean
  tableFormat: 'markdown' | 'html'
  extractHeader: boolean
  extractFooter: boolean
  confidence: 'word' | 'page' | 'block' | null
  includeBlocks: boolean
  /** A JSON schema for Document AI annotations ("Extract fields"); priced as annotated pages. */
  annotationSchema: { name: string; schema: Record<string, unknown> } | null
}

export type QueueStage = 'checking' | 'confirm' | 'uploading' | 'processing' | 'done' | 'failed' | 'cancelled'

export interface QueueItem {
  id: string
  fileName: string
  stage: QueueStage
  /** 0..1 within the stage, or null when unknown. */
  progress: number | null
  bytes: number | null
  kind: DocumentKind | null
  pages: number | null
  /** Pre-send estimate: pages × the model's page price, integer micro-USD; null when the catalog has no price. */
  estimateMicroUsd: number | null
  /** The stored document, once done (also when it came from the cache). */
  documentId: string | null
  /** True when the same bytes, model and options were already stored: nothing was billed. */
  cached: boolean
  /** What went wrong, naming the file and the limit. */
  error: string | null
  retryable: boolean
}

export interface DocumentSummary {
  id: string
  name: string
  kind: DocumentKind
  pageCount: number
  model: string
  createdAt: number
  /** Pages the API billed for this document (usage_info.pages_processed). */
  pagesProcessed: number
  bytes: number
}

export interface DocumentBox {
  topLeftX: number
  topLeftY: number
  bottomRightX: number
  bottomRightY: number
}

export interface DocumentImage extends DocumentBox {
  /** The id the markdown refers to, e.g. img-0.jpeg. */
  imageId: string
  /** Stored bytes in the file store (when images were requested), else null. */
  sha256: string | null
  mime: string | null
  annotation: string | null
}

export interface DocumentBlock extends DocumentBox {
  type: string
  content: string
}

export interface DocumentTable {
  /** The id the markdown links to, e.g. tbl-0.md. */
  id: string
  format: 'markdown' | 'html'
  content: string
}

export interface DocumentPage {
  documentId: string
  index: number
  markdown: string
  header: string | null
  footer: string | null
  width: number | null
  height: number | null
  dpi: number | null
  images: DocumentImage[]
  tables: DocumentTable[]
  blocks: DocumentBlock[]
  /** Average confidence of the page when scores were asked for. */
  averageConfidence: number | null
  words: { text: string; confidence: number; start: number }[]
}

export interface DocumentDetail extends DocumentSummary {
  options: OcrOptions
  /** The page indexes the API returned, in order. */
  pageIndexes: number[]
  /** Document AI annotation (JSON text) when a schema was given. */
  annotation: string | null
  /** Whether the annotation satisfies the schema it was asked with; null without one. */
  annotationValid: boolean | null
}

export interface DocumentSearchHit {
  documentId: string
  name: string
  pageIndex: number
  /** Text around the match; \uE000 and \uE001 mark the hit. */
  snippet: string
}

export interface DocumentExport {
  /** Read it with documents.read and ref `export:<exportId>`. */
  exportId: string
  fileName: string
  mime: string
  bytes: number
}

export interface DocumentChunk {
  data: string
  offset: number
  total: number
  next: number | null
  mime: string
}

export interface DocumentAskContext {
  systemPrompt: string
  /** Page numbers from 1 in the prompt. */
  pages: number[]
  /** False when not every page fit: the user picks fewer. */
  fits: boolean
  estimatedTokens: number
}
