/**
 * The sidebar's list of conversations, loaded a page at a time (never the whole history
 * at once), with pin, archive, and delete with a 10 s Undo. Which one is open lives in the chat store.
 */
import { create } from 'zustand'
import type { ConversationListItem, ConversationSummary } from '../../../../shared/domain'
import type { AppError } from '../../../../shared/errors'
import { callInto } from '../../lib/call-into'

export const PAGE_SIZE = 100
/** How long the Undo toast offers to bring a deleted conversation back (main keeps it 30 s). */
export const UNDO_MS = 10_000

export interface PendingUndo {
  ids: string[]
  message: string
}

interface ConversationsState {
  list: ConversationListItem[]
  nextCursor: string | null
  /** Show only archived conversations instead of the others. */
  archived: boolean
  loaded: boolean
  error: AppError | null
  undo: PendingUndo | null
}

export const useConversationsStore = create<ConversationsState>(() => ({
  list: [],
  nextCursor: null,
  archived: false,
  loaded: false,
  error: null,
  undo: null,
}))

const set = useConversationsStore.setState
const get = useConversationsStore.getState
/** Main's order: pinned first, then newest activity. */
const listOrder = (a: ConversationListItem, b: ConversationListItem) =>
  Number(b.pinnedAt !== null) - Number(a.pinnedAt !== null) || b.updatedAt - a.updatedAt

// Replies finish close together; a later refresh must not be overwritten by an earlier, slower one.
let latestRefresh = 0

const page = (cursor: string | undefined, limit: number) =>
  callInto(useConversationsStore, 'conversations.page', {
    limit,
    ...(cursor ? { cursor } : {}),
    filter: { archived: get().archived ? 'only' : 'exclude' },
  })

/** Reloads from the top, as many rows as are shown now (at least one page). */
export async function refreshConversations(): Promise<void> {
  const ticket = ++latestRefresh
  const result = await page(undefined, Math.min(500, Math.max(PAGE_SIZE, get().list.length)))
  if (ticket !== latestRefresh) return
  if (result.ok) set({ list: result.value.items, nextCursor: result.value.nextCursor, loaded: true, error: null })
  else set({ loaded: true })
}

/** The next page, when the list is scrolled near its end. */
export async function loadMoreConversations(): Promise<void> {
  const { nextCursor } = get()
  if (!nextCursor) return
  const ticket = latestRefresh
  const result = await page(nextCursor, PAGE_SIZE)
  if (!result.ok || ticket !== latestRefresh || get().nextCursor !== nextCursor) return
  const known = new Set(get().list.map((c) => c.id))
  set((s) => ({ list: [...s.list, ...result.value.items.filter((c) => !known.has(c.id))], nextCursor: result.value.nextCursor }))
}

export async function showArchived(archived: boolean): Promise<void> {
  set({ archived, list: [], nextCursor: null, loaded: false })
  await refreshConversations()
}

export async function renameConversation(id: string, title: string): Promise<boolean> {
  const result = await callInto(useConversationsStore, 'conversations.rename', { id, title })
  if (result.ok) set((s) => ({ list: s.list.map((c) => (c.id === id ? { ...c, ...result.value } : c)), error: null }))
  return result.ok
}

export async function setPinned(ids: string[], pinned: boolean): Promise<void> {
  const result = await callInto(useConversationsStore, 'conversations.setPinned', { ids, pinned })
  if (result.ok) await refreshConversations()
}

export async function setArchived(ids: string[], archived: boolean): Promise<void> {
  const result = await callInto(useConversationsStore, 'conversations.setArchived', { ids, archived })
  if (result.ok) await refreshConversations()
}

let undoTimer: ReturnType<typeof setTimeout> | undefined

/** Deletes and offers Undo for UNDO_MS. */
export async function deleteConversations(ids: string[]): Promise<boolean> {
  const titles = get().list.filter((c) => ids.includes(c.id)).map((c) => c.title)
  const result = await callInto(useConversationsStore, 'conversations.deleteMany', { ids })
  if (!result.ok) return false
  const message = ids.length === 1 ? `Deleted "${titles[0] ?? 'conversation'}"` : `Deleted ${ids.length} conversations`
  set((s) => ({ list: s.list.filter((c) => !ids.includes(c.id)), error: null, undo: { ids, message } }))
  clearTimeout(undoTimer)
  undoTimer = setTimeout(() => set({ undo: null }), UNDO_MS)
  return true
}

export async function undoDelete(): Promise<void> {
  const pending = get().undo
  if (!pending) return
  clearTimeout(undoTimer)
  set({ undo: null })
  const result = await callInto(useConversationsStore, 'conversations.restore', { ids: pending.ids })
  if (result.ok) await refreshConversations()
}

export function dismissUndo(): void {
  clearTimeout(undoTimer)
  set({ undo: null })
}

/** Main changed a conversation on its own (e.g. gave it a title): show the new summary in place. */
export function applyConversationChange(summary: ConversationSummary): void {
  set((s) => {
    const known = s.list.find((c) => c.id === summary.id)
    if (!known && s.archived) return {}
    const item: ConversationListItem = { pinnedAt: null, archivedAt: null, ...known, ...summary }
    const list = known ? s.list.map((c) => (c.id === summary.id ? item : c)) : [...s.list, item]
    return { list: list.sort(listOrder) }
  })
}

export function dismissConversationsError(): void {
  set({ error: null })
}
