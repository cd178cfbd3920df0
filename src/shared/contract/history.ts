/** Moving history in and out: export, and import of our own, ChatGPT and Claude exports with a preview first. Works offline. */
import { z } from 'zod'
import type { BackupInfo, ExportFile, ImportPreview, ImportResult, StoreHealth } from '../domain'
import { channel, id, returns } from './define'

/**
 * An import file travels in one request, and the browser host bounds a frame by the contract
 * (src/main/web/frame-limit.ts, about 7 MB at 6 JSON bytes per character): 1M characters
 * fits. Larger exports need a chunked or path-based import, not built yet.
 */
export const MAX_IMPORT_CHARS = 1_000_000

const importFile = z
  .object({
    fileName: z.string().min(1).max(255),
    /** utf8 for a .json file; base64 for a .zip. */
    encoding: z.enum(['utf8', 'base64']),
    data: z.string().min(1).max(MAX_IMPORT_CHARS),
  })
  .strict()

export const channels = {
  /** One conversation, a selection (ids) or everything (no ids). JSON is lossless; Markdown is the visible thread. */
  'history.export': channel(
    z.object({ ids: z.array(id).min(1).max(5000).optional(), format: z.enum(['json', 'markdown']) }).strict(),
    returns<ExportFile>(),
  ),
  /** What an import would write, and every invalid record by file and index. Writes nothing. */
  'history.previewImport': channel(importFile, returns<ImportPreview>()),
  /** Writes every conversation of the file in one transaction, or nothing when any record is invalid. */
  'history.import': channel(importFile, returns<ImportResult>()),

  /** A full backup now, through SQLite's online backup API, into <data dir>/backups. */
  'history.backupNow': channel(z.object({}).strict(), returns<BackupInfo>()),
  /** Newest first. */
  'history.listBackups': channel(z.object({}).strict(), returns<BackupInfo[]>()),
  /** Replaces the whole history with a backup, after backing up the current state. `confirm` must be true. */
  'history.restoreBackup': channel(
    z.object({ fileName: z.string().min(1).max(100), confirm: z.literal(true) }).strict(),
    returns<{ restored: BackupInfo; safetyBackup: BackupInfo }>(),
  ),
  /** What the start-up check found: whether a damaged database was replaced by a backup, and which. */
  'history.health': channel(z.object({}).strict(), returns<StoreHealth>()),
}

export const events = {}
