/**
 * The documents screen's state: the OCR queue (kept in step by documents.queueChanged),
 * the stored documents, the open document and its current page.
 */
import { create } from 'zustand'
import type { DocumentDetail, DocumentPage, DocumentSummary, QueueItem } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { call, subscribe, toAppError } from '../../api'
import { callInto } from '../../lib/call-into'
import { sendFile } from './transfer'

export interface DocumentsState {
  queue: QueueItem[]
  /** Local byte progress of files still streaming to the host, by file name. */
  sending: Record<string, number>
  list: DocumentSummary[]
  open: DocumentDetail | null
  page: DocumentPage | null
  error: AppError | null
}

export const useDocumentsStore = create<DocumentsState>(() => ({
  queue: [],
  sending: {},
  list: [],
  open: null,
  page: null,
  error: null,
}))

const set = useDocumentsStore.setState

/** Replaces or appends a queue item; refreshes the list when one finishes. */
export function applyQueueItem(item: QueueItem): void {
  set((s) => {
    const at = s.queue.findIndex((q) => q.id === item.id)
    const queue = at === -1 ? [...s.queue, item] : s.queue.map((q, i) => (i === at ? item : q))
    return { queue }
  })
  if (item.stage === 'done') void loadDocuments()
}

export function startDocuments(): () => void {
  void loadDocuments()
  void callInto(useDocumentsStore, 'documents.queue', {}).then((r) => r.ok && set({ queue: r.value }))
  return subscribe('documents.queueChanged', applyQueueItem)
}

export async function loadDocuments(): Promise<void> {
  const result = await callInto(useDocumentsStore, 'documents.list', {})
  if (result.ok) set({ list: result.value })
}

/** Electron hands main the file's path (checked again there); the browser host has none. */
function pathOf(file: File): string {
  return typeof window !== 'undefined' ? (window.api?.pathForFile?.(file) ?? '') : ''
}

/** Each file joins the queue: by path in Electron, else streamed to the host once its bytes are in. */
export async function addFiles(files: readonly File[]): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      const path = pathOf(file)
      if (path) {
        try {
          applyQueueItem(await call('documents.addPath', { path }))
        } catch (err) {
          set({ error: toAppError(err) })
        }
        return
      }
      set((s) => ({ sending: { ...s.sending, [file.name]: 0 } }))
      try {
        applyQueueItem(await sendFile(file, (share) => set((s) => ({ sending: { ...s.sending, [file.name]: share } }))))
      } catch (err) {
        set({ error: toAppError(err) })
      } finally {
        set((s) => {
          const { [file.name]: _done, ...rest } = s.sending
          return { sending: rest }
        })
      }
    }),
  )
}

export async function queueAction(action: 'documents.cancel' | 'documents.confirm' | 'documents.retry', itemId: string): Promise<void> {
  const result = await callInto(useDocumentsStore, action, { itemId })
  if (result.ok) applyQueueItem(result.value)
}

export async function openDocument(id: string, pageIndex?: number): Promise<void> {
  const result = await callInto(useDocumentsStore, 'documents.get', { id })
  if (!result.ok) return
  set({ open: result.value, page: null })
  const first = result.value.pageIndexes[0] ?? 0
  await showPage(id, pageIndex !== undefined && result.value.pageIndexes.includes(pageIndex) ? pageIndex : first)
}

export async function showPage(id: string, index: number): Promise<void> {
  const result = await callInto(useDocumentsStore, 'documents.page', { id, index })
  // The user may have opened another document meanwhile.
  if (result.ok && useDocumentsStore.getState().open?.id === id) set({ page: result.value })
}

export function dismissDocumentsError(): void {
  set({ error: null })
}
