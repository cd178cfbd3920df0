import { describe, expect, it } from 'vitest'
import type { ConversationListItem } from '../../../../shared/domain'
import { groupRows } from './date-groups'

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime()
const item = (id: string, updatedAt: number, pinnedAt: number | null = null): ConversationListItem => ({
  id, title: id, model: 'm', createdAt: updatedAt, updatedAt, messageCount: 1, pinnedAt, archivedAt: null,
})

describe('groupRows', () => {
  it('puts pinned first, then today, yesterday, the previous 7 days and months', () => {
    const now = at(2026, 3, 20, 9)
    const rows = groupRows(
      [
        item('pinned', at(2025, 1, 1), 5),
        item('today', at(2026, 3, 20, 0, )),
        item('yesterday', at(2026, 3, 19, 23)),
        item('week', at(2026, 3, 14)),
        item('march', at(2026, 3, 12)),
        item('feb', at(2026, 2, 2)),
        item('feb2', at(2026, 2, 1)),
      ],
      now,
    )
    expect(rows.map((r) => (r.kind === 'header' ? `# ${r.label}` : r.conversation.id))).toEqual([
      '# Pinned', 'pinned', '# Today', 'today', '# Yesterday', 'yesterday', '# Previous 7 days', 'week',
      '# March 2026', 'march', '# February 2026', 'feb', 'feb2',
    ])
  })
})
