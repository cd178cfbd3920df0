/** Stored documents: list, open, read a page, search page text, delete (with their files). */
import type { DocumentDetail, DocumentPage, DocumentSearchHit, DocumentSummary, OcrOptions } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { FileStore } from '../kernel/files/file-store'
import { annotationMatches } from './annotation-check'
import type { DocumentsRepo, StoredDocument } from './documents-repo'

/**
 * The user's words as an FTS5 query that cannot be a syntax error: every word quoted,
 * the last a prefix so results follow typing. Null when nothing is searchable.
 */
export function pageTextQuery(query: string): string | null {
  const words = query.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
  if (words.length === 0) return null
  const quoted = words.map((w) => `"${w.replace(/"/g, '""')}"`)
  return `${quoted.join(' ')}*`
}

const summary = ({ sha256: _s, optionsJson: _o, annotation: _a, ...rest }: StoredDocument): DocumentSummary => rest

export class DocumentsService {
  constructor(
    private readonly repo: DocumentsRepo,
    private readonly files: FileStore,
  ) {}

  list(): DocumentSummary[] {
    return this.repo.list().map(summary)
  }

  get(id: string): DocumentDetail {
    const doc = this.require(id)
    const { model: _m, ...rest } = JSON.parse(doc.optionsJson) as OcrOptions
    const options = { ...rest, model: doc.model }
    return {
      ...summary(doc),
      options,
      pageIndexes: this.repo.pageIndexes(id),
      annotation: doc.annotation,
      annotationValid: options.annotationSchema ? annotationMatches(options.annotationSchema.schema, doc.annotation) : null,
    }
  }

  page(id: string, index: number): DocumentPage {
    const doc = this.require(id)
    const page = this.repo.page(id, index)
    if (!page) throw new AppErrorException(appError('not_found', `"${doc.name}" has no page ${index + 1} in its OCR result.`))
    return page
  }

  /** Reusable by a combined search panel: plain hits, one per matching page. */
  search(query: string): DocumentSearchHit[] {
    const fts = pageTextQuery(query)
    return fts ? this.repo.search(fts) : []
  }

  /** The original's path in the file store, for the viewer and exports. */
  originalPath(id: string): string {
    return this.files.pathOf(this.require(id).sha256)
  }

  delete(id: string): boolean {
    const doc = this.repo.get(id)
    if (!doc) return false
    const hashes = [doc.sha256, ...this.repo.imageHashes(id)]
    this.repo.delete(id)
    // Another document may share the bytes (same file, other options): keep what is still used.
    for (const sha of new Set(hashes)) if (!this.repo.isHashUsed(sha)) this.files.remove(sha)
    return true
  }

  /** The stored row, for exports and the ask context. */
  stored(id: string): StoredDocument {
    return this.require(id)
  }

  /** The pages with these indexes (every page when absent), in order. */
  pages(id: string, indexes?: readonly number[]): DocumentPage[] {
    const wanted = indexes ?? this.repo.pageIndexes(id)
    return wanted.map((i) => this.page(id, i))
  }

  private require(id: string): StoredDocument {
    const doc = this.repo.get(id)
    if (!doc) throw new AppErrorException(appError('not_found', 'That document is gone. It may have been deleted.'))
    return doc
  }
}
