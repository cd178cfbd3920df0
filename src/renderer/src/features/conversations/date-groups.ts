/**
 * The sidebar's sections: Pinned, then by last activity in the user's own time zone —
 * Today, Yesterday, Previous 7 days, then one per month ("March 2026"). Pure, so it is
 * tested without a DOM; the list arrives already in this order from main.
 */
import type { ConversationListItem } from '../../../../shared/domain'

export type ListRow = { kind: 'header'; label: string } | { kind: 'item'; conversation: ConversationListItem }

const DAY = 24 * 60 * 60 * 1000

const startOfDay = (t: number) => {
  const d = new Date(t)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

export function groupLabel(c: ConversationListItem, now: number): string {
  if (c.pinnedAt !== null) return 'Pinned'
  const today = startOfDay(now)
  if (c.updatedAt >= today) return 'Today'
  if (c.updatedAt >= startOfDay(today - DAY / 2)) return 'Yesterday'
  if (c.updatedAt >= startOfDay(today - 7 * DAY + DAY / 2)) return 'Previous 7 days'
  return new Date(c.updatedAt).toLocaleDateString('en-US', { month: 'long', year: 'numeric' })
}

/** Rows for the virtualized list: a header wherever the section changes. */
export function groupRows(list: readonly ConversationListItem[], now: number): ListRow[] {
  const rows: ListRow[] = []
  let current: string | null = null
  for (const conversation of list) {
    const label = groupLabel(conversation, now)
    if (label !== current) rows.push({ kind: 'header', label })
    current = label
    rows.push({ kind: 'item', conversation })
  }
  return rows
}
