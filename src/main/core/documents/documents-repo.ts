/**
 * SQL for documents, document_pages, document_images and the page-text FTS index
 * (documents migration 1). Each statement is prepared once.
 */
import type {
  DocumentBlock,
  DocumentImage,
  DocumentKind,
  DocumentPage,
  DocumentSearchHit,
  DocumentSummary,
  DocumentTable,
} from '../../../shared/domain'
import type { Db } from '../kernel/db/database'

export interface NewDocument {
  id: string
  name: string
  kind: DocumentKind
  sha256: string
  bytes: number
  model: string
  optionsJson: string
  pageCount: number
  pagesProcessed: number
  annotation: string | null
  createdAt: number
}

export interface NewPage {
  index: number
  markdown: string
  header: string | null
  footer: string | null
  width: number | null
  height: number | null
  dpi: number | null
  blocks: DocumentBlock[]
  tables: DocumentTable[]
  words: DocumentPage['words']
  averageConfidence: number | null
  images: DocumentImage[]
}

interface DocumentRow {
  id: string
  name: string
  kind: DocumentKind
  sha256: string
  bytes: number
  model: string
  options_json: string
  page_count: number
  pages_processed: number
  annotation: string | null
  created_at: number
}

export interface StoredDocument extends DocumentSummary {
  sha256: string
  optionsJson: string
  annotation: string | null
}

interface PageRow {
  page_index: number
  markdown: string
  header: string | null
  footer: string | null
  width: number | null
  height: number | null
  dpi: number | null
  blocks_json: string
  tables_json: string
  words_json: string
  avg_confidence: number | null
}

interface ImageRow {
  image_id: string
  top_left_x: number
  top_left_y: number
  bottom_right_x: number
  bottom_right_y: number
  sha256: string | null
  mime: string | null
  annotation: string | null
}

/** Private-use characters around each hit, as in conversation search. */
const SNIPPET = `snippet(document_pages_fts, 0, char(57344), char(57345), '…', 16)`
export const DOCUMENT_SEARCH_LIMIT = 50

function toStored(r: DocumentRow): StoredDocument {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    pageCount: r.page_count,
    model: r.model,
    createdAt: r.created_at,
    pagesProcessed: r.pages_processed,
    bytes: r.bytes,
    sha256: r.sha256,
    optionsJson: r.options_json,
    annotation: r.annotation,
  }
}

export class DocumentsRepo {
  private readonly insertDoc
  private readonly insertPage
  private readonly insertImage
  private readonly byId
  private readonly byCacheKey
  private readonly all
  private readonly pageStmt
  private readonly imagesStmt
  private readonly indexesStmt
  private readonly deleteStmt
  private readonly searchStmt
  private readonly shaInUse
  private readonly imageHashStmt
  private readonly imageStmt

  constructor(private readonly db: Db) {
    this.insertDoc = db.prepare<NewDocument>(
      `INSERT INTO documents (id, name, kind, sha256, bytes, model, options_json, page_count, pages_processed, annotation, created_at)
       VALUES (@id, @name, @kind, @sha256, @bytes, @model, @optionsJson, @pageCount, @pagesProcessed, @annotation, @createdAt)`,
    )
    this.insertPage = db.prepare(
      `INSERT INTO document_pages (document_id, page_index, markdown, header, footer, width, height, dpi, blocks_json, tables_json, words_json, avg_confidence)
       VALUES (@documentId, @index, @markdown, @header, @footer, @width, @height, @dpi, @blocksJson, @tablesJson, @wordsJson, @averageConfidence)`,
    )
    this.insertImage = db.prepare(
      `INSERT INTO document_images (document_id, page_index, image_id, top_left_x, top_left_y, bottom_right_x, bottom_right_y, sha256, mime, annotation)
       VALUES (@documentId, @pageIndex, @imageId, @topLeftX, @topLeftY, @bottomRightX, @bottomRightY, @sha256, @mime, @annotation)`,
    )
    this.byId = db.prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?')
    this.byCacheKey = db.prepare<[string, string, string], DocumentRow>(
      'SELECT * FROM documents WHERE sha256 = ? AND model = ? AND options_json = ?',
    )
    this.all = db.prepare<[], DocumentRow>('SELECT * FROM documents ORDER BY created_at DESC, id')
    this.pageStmt = db.prepare<[string, number], PageRow>('SELECT * FROM document_pages WHERE document_id = ? AND page_index = ?')
    this.imagesStmt = db.prepare<[string, number], ImageRow>(
      'SELECT * FROM document_images WHERE document_id = ? AND page_index = ? ORDER BY image_id',
    )
    this.indexesStmt = db.prepare<[string], { page_index: number }>(
      'SELECT page_index FROM document_pages WHERE document_id = ? ORDER BY page_index',
    )
    this.deleteStmt = db.prepare<[string]>('DELETE FROM documents WHERE id = ?')
    this.shaInUse = db.prepare<{ sha: string }, { n: number }>(
      `SELECT (SELECT COUNT(*) FROM documents WHERE sha256 = @sha) + (SELECT COUNT(*) FROM document_images WHERE sha256 = @sha) AS n`,
    )
    this.imageStmt = db.prepare<[string, string], { sha256: string | null; mime: string | null }>(
      'SELECT sha256, mime FROM document_images WHERE document_id = ? AND image_id = ?',
    )
    this.imageHashStmt = db.prepare<[string], { sha256: string }>(
      'SELECT sha256 FROM document_images WHERE document_id = ? AND sha256 IS NOT NULL',
    )
    this.searchStmt = db.prepare<{ q: string; limit: number }, { document_id: string; name: string; page_index: number; snippet: string }>(
      `SELECT p.document_id, d.name, p.page_index, ${SNIPPET} AS snippet
       FROM document_pages_fts JOIN document_pages p ON p.pk = document_pages_fts.rowid
       JOIN documents d ON d.id = p.document_id
       WHERE document_pages_fts MATCH @q
       ORDER BY d.created_at DESC, p.document_id, p.page_index
       LIMIT @limit`,
    )
  }

  /** The document and all its pages and images, in one transaction. */
  insert(doc: NewDocument, pages: readonly NewPage[]): void {
    this.db.transaction(() => {
      this.insertDoc.run(doc)
      for (const page of pages) {
        this.insertPage.run({
          documentId: doc.id,
          index: page.index,
          markdown: page.markdown,
          header: page.header,
          footer: page.footer,
          width: page.width,
          height: page.height,
          dpi: page.dpi,
          blocksJson: JSON.stringify(page.blocks),
          tablesJson: JSON.stringify(page.tables),
          wordsJson: JSON.stringify(page.words),
          averageConfidence: page.averageConfidence,
        })
        for (const image of page.images) this.insertImage.run({ documentId: doc.id, pageIndex: page.index, ...image })
      }
    })()
  }

  get(id: string): StoredDocument | undefined {
    const row = this.byId.get(id)
    return row ? toStored(row) : undefined
  }

  findCached(sha256: string, model: string, optionsJson: string): StoredDocument | undefined {
    const row = this.byCacheKey.get(sha256, model, optionsJson)
    return row ? toStored(row) : undefined
  }

  list(): StoredDocument[] {
    return this.all.all().map(toStored)
  }

  pageIndexes(id: string): number[] {
    return this.indexesStmt.all(id).map((r) => r.page_index)
  }

  page(id: string, index: number): DocumentPage | undefined {
    const row = this.pageStmt.get(id, index)
    if (!row) return undefined
    const images = this.imagesStmt.all(id, index).map((r) => ({
      imageId: r.image_id,
      topLeftX: r.top_left_x,
      topLeftY: r.top_left_y,
      bottomRightX: r.bottom_right_x,
      bottomRightY: r.bottom_right_y,
      sha256: r.sha256,
      mime: r.mime,
      annotation: r.annotation,
    }))
    return {
      documentId: id,
      index: row.page_index,
      markdown: row.markdown,
      header: row.header,
      footer: row.footer,
      width: row.width,
      height: row.height,
      dpi: row.dpi,
      images,
      tables: JSON.parse(row.tables_json) as DocumentTable[],
      blocks: JSON.parse(row.blocks_json) as DocumentBlock[],
      averageConfidence: row.avg_confidence,
      words: JSON.parse(row.words_json) as DocumentPage['words'],
    }
  }

  /** Image hashes of a document, for removing files no other row uses. */
  imageHashes(id: string): string[] {
    return this.imageHashStmt.all(id).map((r) => r.sha256)
  }

  image(documentId: string, imageId: string): { sha256: string | null; mime: string | null } | undefined {
    return this.imageStmt.get(documentId, imageId)
  }

  isHashUsed(sha256: string): boolean {
    return (this.shaInUse.get({ sha: sha256 })?.n ?? 0) > 0
  }

  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0
  }

  search(ftsQuery: string, limit = DOCUMENT_SEARCH_LIMIT): DocumentSearchHit[] {
    return this.searchStmt.all({ q: ftsQuery, limit }).map((r) => ({
      documentId: r.document_id,
      name: r.name,
      pageIndex: r.page_index,
      snippet: r.snippet,
    }))
  }
}
