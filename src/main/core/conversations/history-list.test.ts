/** The sidebar's operations on history: paging, filters, pin, archive, delete with undo, selections. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppErrorException } from '../../../shared/errors'
import { UsageLedger } from '../kernel/usage/usage-ledger'
import { UNDO_WINDOW_MS, type ConversationService } from './conversation-service'
import { HistoryFixture } from './testing/history-fixture'

let f: HistoryFixture
let history: ConversationService
beforeEach(() => {
  f = new HistoryFixture()
  history = f.history
})
afterEach(() => f.close())

/** Conversation `c<i>` last active at time i, model m<i % 2>, one message each. */
function seed(count: number): void {
  for (let i = 1; i <= count; i++) f.conversation(`c${i}`, [`hello ${i}`], i, `m${i % 2}`)
}

const allPages = (filter = {}, limit = 7): string[] => {
  const ids: string[] = []
  let cursor: string | undefined
  for (;;) {
    const page = history.page(filter, cursor, limit)
    ids.push(...page.items.map((c) => c.id))
    if (!page.nextCursor) return ids
    cursor = page.nextCursor
  }
}

const expectAppError = (fn: () => unknown, code: string, message: RegExp) => {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(AppErrorException)
    expect((err as AppErrorException).appError).toMatchObject({ code, message: expect.stringMatching(message) })
    return
  }
  throw new Error('expected an AppError')
}

describe('paging', () => {
  it('walks every conversation exactly once, pinned first, then newest activity, even with equal times', () => {
    seed(20)
    // Two rows with the same activity time: the id breaks the tie, so a page boundary between them loses nothing.
    f.conversations.touch('c3', 'm1', 15)
    history.setPinned(['c2', 'c10'], true)
    const ids = allPages()
    expect(ids).toHaveLength(20)
    expect(new Set(ids).size).toBe(20)
    expect(ids.slice(0, 3)).toEqual(['c10', 'c2', 'c20'])
    expect(ids.indexOf('c3')).toBeLessThan(ids.indexOf('c15'))
  })

  it('ships one page, not the list, and says when it is the last', () => {
    seed(5)
    const first = history.page({}, undefined, 3)
    expect(first.items.map((c) => c.id)).toEqual(['c5', 'c4', 'c3'])
    expect(first.items[0]).toEqual({ id: 'c5', title: 'Chat c5', model: 'm1', createdAt: 5, updatedAt: 5, messageCount: 1, pinnedAt: null, archivedAt: null })
    const second = history.page({}, first.nextCursor ?? undefined, 3)
    expect(second).toMatchObject({ nextCursor: null })
    expect(second.items.map((c) => c.id)).toEqual(['c2', 'c1'])
  })

  it('filters by model and by activity time', () => {
    seed(10)
    expect(allPages({ model: 'm0' })).toEqual(['c10', 'c8', 'c6', 'c4', 'c2'])
    expect(allPages({ from: 3, to: 6 })).toEqual(['c5', 'c4', 'c3'])
  })

  it('rejects a cursor it did not make with a sentence saying what to do', () => {
    seed(2)
    expectAppError(() => history.page({}, 'not-a-cursor'), 'invalid_input', /reload the list/)
  })
})

describe('pin and archive', () => {
  it('archived conversations leave the default list and show under the archived filter', () => {
    seed(4)
    expect(history.setArchived(['c2', 'c3', 'missing'], true)).toEqual({ changed: 2 })
    expect(history.setArchived(['c2'], true)).toEqual({ changed: 0 })
    expect(allPages()).toEqual(['c4', 'c1'])
    expect(allPages({ archived: 'only' })).toEqual(['c3', 'c2'])
    expect(allPages({ archived: 'include' })).toEqual(['c4', 'c3', 'c2', 'c1'])
    expect(history.list().map((c) => c.id)).toEqual(['c4', 'c1'])
    history.setArchived(['c2'], false)
    expect(allPages()).toEqual(['c4', 'c2', 'c1'])
  })

  it('pinning keeps its first time; unpinning returns the conversation to its place', () => {
    seed(3)
    history.setPinned(['c1'], true)
    f.now += 50
    expect(history.setPinned(['c1'], true)).toEqual({ changed: 0 })
    expect(history.page().items[0]).toMatchObject({ id: 'c1', pinnedAt: 1_000_000 })
    history.setPinned(['c1'], false)
    expect(allPages()).toEqual(['c3', 'c2', 'c1'])
  })
})

describe('delete with undo', () => {
  it('hides a deleted conversation everywhere and restores it whole within the window', () => {
    seed(3)
    expect(history.delete('c2')).toEqual({ deleted: true })
    expect(history.delete('c2')).toEqual({ deleted: false })
    expect(allPages()).toEqual(['c3', 'c1'])
    expectAppError(() => history.view('c2'), 'not_found', /no longer exists/)
    expect(history.search('hello').map((h) => h.id)).toEqual(['c3', 'c1'])
    f.now += UNDO_WINDOW_MS - 1
    expect(history.restore(['c2'])).toEqual({ restored: 1 })
    expect(history.view('c2').messages.map((m) => m.content)).toEqual(['hello 2'])
    expect(allPages()).toEqual(['c3', 'c2', 'c1'])
  })

  it('purges for good after the window, keeping the usage ledger, and says undo is too late', () => {
    seed(2)
    const ledger = new UsageLedger(f.db)
    ledger.append({
      id: 'e1', at: 5, kind: 'chat', endpoint: '/v1/chat/completions', model: 'm', returnedModel: null, billedModel: 'm',
      promptTokens: 1, cachedTokens: 0, completionTokens: 1, pages: 0, annotatedPages: 0, audioMs: 0,
      conversationId: 'c1', documentId: null, messageId: 'c1-m0', requestId: 'r', keyLast4: null, estimated: false,
      discountBp: 0, pricesUsd: null, pricesEur: null, costMicroUsd: null, costMicroEur: null, priceSource: 'unknown',
    })
    history.deleteMany(['c1', 'c2'])
    f.now += UNDO_WINDOW_MS + 1
    expect(history.purgeExpired()).toBe(2)
    expectAppError(() => history.restore(['c1']), 'not_found', /Too late to undo/)
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual({ n: 0 })
    expect(ledger.since().map((e) => e.conversationId)).toEqual(['c1'])
  })

  it('deletes, archives and pins a selection in one call', () => {
    seed(6)
    expect(history.deleteMany(['c1', 'c2', 'c3'])).toEqual({ deleted: 3 })
    expect(history.setPinned(['c4', 'c5'], true)).toEqual({ changed: 2 })
    expect(history.setArchived(['c4', 'c1'], true)).toEqual({ changed: 1 })
    expect(allPages()).toEqual(['c5', 'c6'])
    expect(history.restore(['c1', 'c2', 'c3'])).toEqual({ restored: 3 })
    expect(allPages()).toEqual(['c5', 'c6', 'c3', 'c2', 'c1'])
  })
})
