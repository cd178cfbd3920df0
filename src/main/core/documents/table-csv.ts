/**
 * Tables of a page as rows of cells, from either form the API gives: a markdown pipe
 * table (inline in the page, or in `tables` with table_format markdown) or an HTML
 * table (table_format html). Then CSV as RFC 4180 writes it.
 */
import type { DocumentPage } from '../../../shared/domain'

export type Rows = string[][]

const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$/

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim())
}

/** Every pipe table in a markdown text: runs of lines starting with `|`, without the separator row. */
export function markdownTables(markdown: string): Rows[] {
  const tables: Rows[] = []
  let current: Rows | null = null
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('|')) {
      current ??= []
      if (!SEPARATOR.test(line.trim())) current.push(pipeCells(line))
    } else if (current) {
      tables.push(current)
      current = null
    }
  }
  if (current) tables.push(current)
  return tables.filter((t) => t.length > 0)
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim()

export function htmlTableRows(html: string): Rows {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((cell) => decode(cell[1] ?? '')),
  )
}

/** The page's tables in reading order, each named by page and position. */
export function pageTables(page: DocumentPage): { name: string; rows: Rows }[] {
  const found: Rows[] = [...markdownTables(page.markdown)]
  for (const table of page.tables) found.push(table.format === 'html' ? htmlTableRows(table.content) : (markdownTables(table.content)[0] ?? []))
  return found.filter((rows) => rows.length > 0).map((rows, i) => ({ name: `page-${page.index + 1}-table-${i + 1}`, rows }))
}

function csvCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

export function toCsv(rows: Rows): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
