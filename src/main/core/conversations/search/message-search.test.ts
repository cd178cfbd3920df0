/** conversations.searchMessages and matchesIn over a real database: the query language, snippets, groups, CJK. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HistoryFixture } from '../testing/history-fixture'
import { parseQuery } from './query'

let f: HistoryFixture
beforeEach(() => {
  f = new HistoryFixture()
})
afterEach(() => f.close())

const ids = (query: string, filter = {}) => f.history.searchMessages(query, filter).groups.map((g) => g.id)

describe('the query language', () => {
  it('parses words, phrases, prefixes and exclusions; the last plain word follows typing', () => {
    expect(parseQuery('flight "hotel in" -train lis')).toEqual({
      include: [
        { text: 'flight', prefix: false, phrase: false, negated: false },
        { text: 'hotel in', prefix: false, phrase: true, negated: false },
        { text: 'lis', prefix: true, phrase: false, negated: false },
      ],
      exclude: [{ text: 'train', prefix: false, phrase: false, negated: true }],
      substring: false,
    })
    expect(parseQuery('- * "" AND(').include.map((t) => t.text)).toEqual(['AND('])
  })
})

describe('searching messages', () => {
  beforeEach(() => {
    f.conversation('lisbon', ['Book a flight to Lisbon', 'The hotel in Lisbon is booked', 'and the train back'], 10)
    f.conversation('porto', ['A train to Porto', 'Hotel prices in Porto'], 20)
    f.conversation('cafe', ['Un café crème'], 30)
  })

  it('groups matching messages by conversation, newest first, with counts and marked snippets', () => {
    const { groups, mode } = f.history.searchMessages('hotel')
    expect(mode).toBe('words')
    expect(groups.map((g) => [g.id, g.matchCount])).toEqual([['porto', 1], ['lisbon', 1]])
    expect(groups[1]?.hits).toEqual([
      { messageId: 'lisbon-m1', role: 'assistant', createdAt: 11, snippet: 'The \uE000hotel\uE001 in Lisbon is booked' },
    ])
    expect(f.history.searchMessages('lisbon').groups[0]).toMatchObject({ matchCount: 2, hits: [{ messageId: 'lisbon-m0' }, { messageId: 'lisbon-m1' }] })
  })

  it('supports phrases, prefixes, exclusions and folds diacritics', () => {
    expect(ids('"hotel in lisbon"')).toEqual(['lisbon'])
    expect(ids('"lisbon hotel"')).toEqual([])
    expect(ids('por')).toEqual(['porto'])
    expect(ids('train -porto')).toEqual(['lisbon'])
    expect(ids('cafe')).toEqual(['cafe'])
    expect(ids('-train')).toEqual([])
    expect(ids('"unbalanced AND (')).toEqual([])
  })

  it('applies the sidebar filters and never shows trashed conversations', () => {
    expect(ids('train', { from: 15 })).toEqual(['porto'])
    f.history.setArchived(['porto'], true)
    expect(ids('train')).toEqual(['lisbon'])
    expect(ids('train', { archived: 'include' })).toEqual(['porto', 'lisbon'])
    f.history.delete('lisbon')
    expect(ids('train', { archived: 'include' })).toEqual(['porto'])
  })

  it('lists every match of one conversation in order, for next and previous', () => {
    expect(f.history.matchesIn('lisbon', 'lisbon')).toEqual({ messageIds: ['lisbon-m0', 'lisbon-m1'] })
    expect(f.history.matchesIn('porto', 'lisbon')).toEqual({ messageIds: [] })
  })

  it('finds a title match with no message match', () => {
    f.history.rename('cafe', 'Morning coffee')
    expect(f.history.searchMessages('morning').groups).toMatchObject([{ id: 'cafe', titleMatch: true, matchCount: 0, hits: [] }])
  })
})

describe('scripts without spaces', () => {
  beforeEach(() => {
    f.conversation('tokyo', ['昨日は東京タワーに行きました', 'Nice'], 10)
    f.conversation('apple', ['我喜欢吃苹果和香蕉'], 20)
    f.conversation('thai', ['สวัสดีครับ ยินดีที่ได้รู้จัก'], 30)
  })

  it('finds words inside a sentence through the trigram index, long and short', () => {
    const result = f.history.searchMessages('東京タワー')
    expect(result.mode).toBe('substring')
    expect(result.groups.map((g) => g.id)).toEqual(['tokyo'])
    expect(result.groups[0]?.hits[0]?.snippet).toBe('昨日は\uE000東京タワー\uE001に行きました')
    // Two characters: shorter than a trigram, found by substring over the indexed text.
    expect(ids('苹果')).toEqual(['apple'])
    expect(ids('ยินดี')).toEqual(['thai'])
    expect(ids('苹果 -香蕉')).toEqual([])
  })

  it('keeps the trigram index in step with edits and deletes', () => {
    const [id] = f.conversation('new', ['Plain text first'], 40)
    expect(ids('北京')).toEqual([])
    f.db.prepare('UPDATE messages SET content = ? WHERE id = ?').run('我们去北京', id)
    expect(ids('北京')).toEqual(['new'])
    f.db.prepare('DELETE FROM messages WHERE id = ?').run(id)
    expect(ids('北京')).toEqual([])
    expect(f.db.prepare('SELECT COUNT(*) AS n FROM messages_trigram').get()).toEqual({ n: 3 })
  })
})
