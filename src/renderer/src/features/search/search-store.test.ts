import { beforeEach, describe, expect, it } from 'vitest'
import type { ConversationSearchHit } from '../../../../shared/domain'
import { installFakeApi, ok, type FakeApi } from '../../testing/fake-api'
import { clearSearch, runSearch, setSearchQuery, useSearchStore } from './search-store'

let api: FakeApi
const hit = (id: string): ConversationSearchHit => ({
  id,
  title: id,
  model: 'm',
  createdAt: 1,
  updatedAt: 1,
  messageCount: 2,
  snippet: `a \uE000${id}\uE001`,
})

beforeEach(() => {
  api = installFakeApi()
  clearSearch()
})

describe('search store', () => {
  it('shows only the answer to the latest search', async () => {
    let release: () => void = () => {}
    api.handlers['conversations.search'] = (input) => {
      const { query } = input as { query: string }
      if (query === 'slow') return new Promise((done) => (release = () => done(ok([hit('old')]))))
      return ok([hit('new')])
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
    api.handlers['conversations.search'] = () => new Promise((done) => (release = () => done(ok([hit('late')]))))
    setSearchQuery('word')
    const pending = runSearch('word')
    clearSearch()
    release()
    await pending
    expect(useSearchStore.getState()).toMatchObject({ query: '', hits: [], searching: false })
  })
})
