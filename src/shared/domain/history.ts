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

export interface BackupInfo {
  /** The file's name in the backups folder; what restore takes. */
  fileName: string
  createdAt: number
  bytes: number
}

/** What the start-up check found. */
export interface StoreHealth {
  ok: boolean
  /** Set when the database was damaged and a backup was put in its place. */
  recovered: {
    /** The backup restored; everything after its time is lost. */
    backup: BackupInfo
    /** Where the damaged database was kept, for a later rescue. */
    damagedFile: string
    problem: string
  } | null
  /** Damaged and no backup to restore: the app runs on the damaged file. */
  unrecoverable: string | null
}
