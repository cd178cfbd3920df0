/**
 * Exports of a stored document: one Markdown file whose images sit in an images/
 * folder beside it (written to a folder, or packed with the tables into a ZIP by
 * fflate), and each table as CSV. Downloads are built under the data dir and read
 * back in chunks, like the original.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import type { DocumentPage } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { FileStore } from '../kernel/files/file-store'
import type { DocumentsRepo, StoredDocument } from './documents-repo'
import { pageTables, toCsv } from './table-csv'

export type ExportFormat = 'markdown' | 'zip' | 'csv'

export interface ExportFile {
  exportId: string
  fileName: string
  mime: string
  bytes: number
}

const MIME: Record<ExportFormat | 'tables-zip', string> = {
  markdown: 'text/markdown',
  zip: 'application/zip',
  csv: 'text/csv',
  'tables-zip': 'application/zip',
}

/** A name that is safe as a file name on every OS. */
export function safeBaseName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim()
  return base.slice(0, 120) || 'document'
}

/** Table placeholders ([tbl-0.md](tbl-0.md)) are replaced by the table; image links point into images/. */
export function pageMarkdown(page: DocumentPage): string {
  let text = page.markdown
  for (const table of page.tables) text = text.split(`[${table.id}](${table.id})`).join(table.content)
  for (const image of page.images) {
    if (image.sha256) text = text.split(`](${image.imageId})`).join(`](images/${image.imageId})`)
  }
  return text
}

export class DocumentExporter {
  constructor(
    private readonly repo: DocumentsRepo,
    private readonly files: FileStore,
    private readonly exportsDir: string,
  ) {}

  private pages(doc: StoredDocument): DocumentPage[] {
    return this.repo.pageIndexes(doc.id).flatMap((i) => {
      const page = this.repo.page(doc.id, i)
      return page ? [page] : []
    })
  }

  /** The whole document as one Markdown text, each page headed by a comment naming it. */
  markdown(doc: StoredDocument): string {
    return this.pages(doc)
      .map((page) => `<!-- page ${page.index + 1} -->\n\n${pageMarkdown(page)}`)
      .join('\n\n')
      .concat('\n')
  }

  private images(doc: StoredDocument): { name: string; path: string }[] {
    return this.pages(doc).flatMap((page) =>
      page.images.flatMap((img) => (img.sha256 && this.files.has(img.sha256) ? [{ name: img.imageId, path: this.files.pathOf(img.sha256) }] : [])),
    )
  }

  private tables(doc: StoredDocument): { name: string; csv: string }[] {
    return this.pages(doc).flatMap((page) => pageTables(page).map((t) => ({ name: `${t.name}.csv`, csv: toCsv(t.rows) })))
  }

  /** Writes <dir>/<name>.md and <dir>/images/ (Electron's "Export Markdown" to a chosen folder). */
  writeFolder(doc: StoredDocument, dir: string): string {
    const target = path.join(dir, `${safeBaseName(doc.name)}.md`)
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(target, this.markdown(doc))
    const images = this.images(doc)
    if (images.length > 0) fs.mkdirSync(path.join(dir, 'images'), { recursive: true })
    for (const img of images) fs.copyFileSync(img.path, path.join(dir, 'images', img.name))
    return target
  }

  /** Builds a download; read it back with the export's id. */
  build(doc: StoredDocument, format: ExportFormat): ExportFile {
    const base = safeBaseName(doc.name)
    let fileName: string
    let bytes: Uint8Array
    let mime = MIME[format]
    if (format === 'markdown') {
      fileName = `${base}.md`
      bytes = Buffer.from(this.markdown(doc))
    } else if (format === 'zip') {
      const entries: Zippable = { [`${base}.md`]: Buffer.from(this.markdown(doc)) }
      for (const img of this.images(doc)) entries[`images/${img.name}`] = fs.readFileSync(img.path)
      for (const table of this.tables(doc)) entries[`tables/${table.name}`] = Buffer.from(table.csv)
      fileName = `${base}.zip`
      bytes = zipSync(entries)
    } else {
      const tables = this.tables(doc)
      if (tables.length === 0) throw new AppErrorException(appError('invalid_input', `"${doc.name}" has no tables to export.`))
      if (tables.length === 1) {
        fileName = `${base}-${tables[0]!.name}`
        bytes = Buffer.from(tables[0]!.csv)
      } else {
        fileName = `${base}-tables.zip`
        mime = MIME['tables-zip']
        bytes = zipSync(Object.fromEntries(tables.map((t) => [t.name, Buffer.from(t.csv)])))
      }
    }
    const exportId = randomUUID()
    fs.mkdirSync(this.exportsDir, { recursive: true })
    fs.writeFileSync(this.exportPath(exportId), bytes)
    return { exportId, fileName, mime, bytes: bytes.byteLength }
  }

  exportPath(exportId: string): string {
    if (!/^[0-9a-f-]{36}$/.test(exportId)) throw new AppErrorException(appError('invalid_input', 'Not an export id.'))
    return path.join(this.exportsDir, exportId)
  }

  /** Downloads are temporary: the last session's are removed at start-up. */
  clear(): void {
    fs.rmSync(this.exportsDir, { recursive: true, force: true })
  }
}
