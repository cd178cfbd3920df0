/** Settings → Data: export, import with a preview first, backups and restore. */
import { create } from 'zustand'
import type { BackupInfo, ExportFile, ImportPreview, StoreHealth } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'
import { refreshConversations } from '../conversations/conversations-store'

export interface PendingImport {
  file: { fileName: string; encoding: 'utf8' | 'base64'; data: string }
  preview: ImportPreview
}

interface HistoryState {
  busy: boolean
  error: AppError | null
  notice: string | null
  pending: PendingImport | null
  backups: BackupInfo[]
  health: StoreHealth | null
}

export const useHistoryStore = create<HistoryState>(() => ({
  busy: false,
  error: null,
  notice: null,
  pending: null,
  backups: [],
  health: null,
}))

const set = useHistoryStore.setState

async function busy<T>(work: () => Promise<T>): Promise<T> {
  set({ busy: true, error: null, notice: null })
  try {
    return await work()
  } finally {
    set({ busy: false })
  }
}

/** Hands the export to the browser as a download (in Electron too: the renderer is a page). */
function download(file: ExportFile): void {
  const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export async function exportAll(format: 'json' | 'markdown', ids?: string[]): Promise<void> {
  const result = await busy(() => callInto(useHistoryStore, 'history.export', { format, ...(ids ? { ids } : {}) }))
  if (result.ok) {
    download(result.value)
    set({ notice: `Exported to ${result.value.fileName}.` })
  }
}

/** A .zip is sent as base64, anything else as text. */
async function readFile(file: File): Promise<PendingImport['file']> {
  if (/\.zip$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer())
    let binary = ''
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return { fileName: file.name, encoding: 'base64', data: btoa(binary) }
  }
  return { fileName: file.name, encoding: 'utf8', data: await file.text() }
}

export async function previewImport(file: File): Promise<void> {
  const input = await readFile(file)
  const result = await busy(() => callInto(useHistoryStore, 'history.previewImport', input))
  if (result.ok) set({ pending: { file: input, preview: result.value } })
}

export async function confirmImport(): Promise<void> {
  const pending = useHistoryStore.getState().pending
  if (!pending) return
  const result = await busy(() => callInto(useHistoryStore, 'history.import', pending.file))
  if (result.ok) {
    const { imported, skipped } = result.value
    set({ pending: null, notice: `Imported ${imported} conversation${imported === 1 ? '' : 's'}${skipped ? ` (${skipped} already here)` : ''}.` })
    await refreshConversations()
  }
}

export function cancelImport(): void {
  set({ pending: null })
}

export async function loadBackups(): Promise<void> {
  const [list, health] = await Promise.all([
    callInto(useHistoryStore, 'history.listBackups', {}),
    callInto(useHistoryStore, 'history.health', {}),
  ])
  if (list.ok) set({ backups: list.value })
  if (health.ok) set({ health: health.value })
}

export async function backupNow(): Promise<void> {
  const result = await busy(() => callInto(useHistoryStore, 'history.backupNow', {}))
  if (result.ok) {
    set({ notice: `Backed up to ${result.value.fileName}.` })
    await loadBackups()
  }
}

export async function restoreBackup(fileName: string): Promise<void> {
  const result = await busy(() => callInto(useHistoryStore, 'history.restoreBackup', { fileName, confirm: true }))
  if (result.ok) {
    set({ notice: `Restored ${fileName}. The history before it was saved as ${result.value.safetyBackup.fileName}.` })
    await Promise.all([loadBackups(), refreshConversations()])
  }
}

export function dismissHistoryError(): void {
  set({ error: null })
}
