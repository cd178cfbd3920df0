/** Moving history in and out: export files, import previews and their errors, backups. */

/** A file for the user to save. Text formats are utf8; binary ones (ZIP) base64. */
export interface ExportFile {
  fileName: string
  mimeType: string
  encoding: 'utf8' | 'base64'
  data: string
}

export type ImportFormat = 'mistral-desk' | 'chatgpt' | 'claude'

/** One record that cannot be imported: where it is in the file and why. */
export interface ImportProblem {
  /** The file inside a ZIP, or the file itself. */
  file: string
  /** Index of the conversation in the file (0-based); null when the whole file is unreadable. */
  index: number | null
  reason: string
}

export interface ImportPreviewItem {
  index: number
  title: string
  messageCount: number
  createdAt: number
  /** True when this conversation is already in the history (it will be skipped, or copied for our own format). */
  alreadyImported: boolean
}

export interface ImportPreview {
  format: ImportFormat
  conversations: ImportPreviewItem[]
  /** Non-empty means the import would be refused as a whole. */
  problems: ImportProblem[]
}

export interface ImportResult {
  imported: number
  skipped: number
}
