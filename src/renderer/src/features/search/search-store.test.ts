import { beforeEach, describe, expect, it } from 'vitest'
import type { HistorySearchGroup } from '../../../../shared/domain'
import { installFakeApi, ok, type FakeApi } from '../../testing/fake-api'
import { clearSearch, runSearch, setSearchQuery, useSearchStore } from './search-store'

let api: FakeApi
const hit = (id: string): HistorySearchGroup => ({
  id,
  title: id,
  model: 'm',
  createdAt: 1,
  updatedAt: 1,
  messageCount: 2,
  pinnedAt: null,
  archivedAt: null,
  matchCount: 1,
  titleMatch: false,
  hits: [{ messageId: `${id}-m`, role: 'user', createdAt: 1, snippet: `a \uE000${id}\uE001` }],
})
const found = (groups: HistorySearchGroup[]) => ok({ groups, mode: 'words' })

beforeEach(() => {
  api = installFakeApi()
  clearSearch()
})

describe('search store', () => {
  it('shows only the answer to the latest search', async () => {
    let release: () => void = () => {}
    api.handlers['conversations.searchMessages'] = (input) => {
      const { query } = input as { query: string }
      if (query === 'slow') return new Promise((done) => (release = () => done(found([hit('old')]))))
      return found([hit('new')])
    }
    setSearchQuery('slow')
    const slow = runSearch('slow')
    setSearchQuery('fast')
    await runSearch('fast')
    release()
    await slow
    expect(useSearchStore.getState()).toMatchObject({ searched: 'fast', hits: [{ id: 'new' }], searching: false })
  })

  it('clearing drops the hits and any answer still on its way', async () => {
    let release: () => void = () => {}
    api.handlers['conversations.searchMessages'] = () => new Promise((done) => (release = () => done(found([hit('late')]))))
    setSearchQuery('word')
    const pending = runSearch('word')
    clearSearch()
    release()
    await pending
    expect(useSearchStore.getState()).toMatchObject({ query: '', hits: [], searching: false })
  })
})
