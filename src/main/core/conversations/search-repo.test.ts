import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/temp-dir'
import { ConversationsRepo } from './conversations-repo'
import type { Db } from '../kernel/db/database'
import { openAppDatabase } from '../schema'
import { MessagesRepo } from './messages-repo'
import { HIT_END, HIT_START, SearchRepo, toFtsQuery } from './search-repo'

let tmp: ReturnType<typeof makeTempDir>
let db: Db
let conversations: ConversationsRepo
let messages: MessagesRepo
let search: SearchRepo

beforeEach(() => {
  tmp = makeTempDir()
  db = openAppDatabase(tmp.dir)
  conversations = new ConversationsRepo(db)
  messages = new MessagesRepo(db)
  search = new SearchRepo(db)
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

function conversation(id: string, title: string, at: number, texts: string[] = []): void {
  conversations.insert({ id, title, model: 'm', createdAt: at })
  let parentId: string | null = null
  for (const [i, content] of texts.entries()) {
    const role = i % 2 === 0 ? 'user' : 'assistant'
    parentId = messages.insert({ id: `${id}-${i}`, conversationId: id, parentId, role, content, status: 'complete', model: null, createdAt: at + i }).id
  }
  conversations.touch(id, 'm', at + texts.length)
}

describe('toFtsQuery', () => {
  it('quotes every term, prefixes the last, and drops terms without letters or digits', () => {
    expect(toFtsQuery('café  au lait')).toBe('"café" "au" "lait"*')
    expect(toFtsQuery('say "hi" NEAR( col:x AND *')).toBe('"say" """hi""" "NEAR(" "col:x" "AND"*')
    expect(toFtsQuery(' - * " ')).toBeNull()
  })
})

describe('SearchRepo', () => {
  it('finds message text without regard to diacritics, with marked snippets, newest first', () => {
    conversation('old', 'Breakfast', 10, ['I would like un café au lait', 'Here is a recipe'])
    conversation('new', 'Coffee shops', 20, ['Where is the best cafe in Paris?', 'Try the one on the corner'])
    conversation('other', 'Taxes', 30, ['How do I file?'])
    const hits = search.search('cafe')
    expect(hits.map((h) => h.id)).toEqual(['new', 'old'])
    expect(hits[1]?.snippet).toContain(`${HIT_START}café${HIT_END}`)
    expect(hits[0]).toMatchObject({ title: 'Coffee shops', messageCount: 2, snippet: expect.stringContaining(`${HIT_START}cafe${HIT_END}`) })
    // And the other way round: an accented query finds plain text.
    expect(search.search('café').map((h) => h.id)).toEqual(['new', 'old'])
  })

  it('matches titles too (snippet null), and the last term as a prefix', () => {
    conversation('t', 'Déjeuner plans', 10, ['nothing relevant'])
    conversation('m', 'Other', 20, ['we talked about dejeuner'])
    expect(search.search('dejeu')).toEqual([
      expect.objectContaining({ id: 'm', snippet: expect.stringContaining(`${HIT_START}dejeuner${HIT_END}`) }),
      expect.objectContaining({ id: 't', snippet: null }),
    ])
    // Terms are ANDed in any order; only the last one is a prefix.
    expect(search.search('plans dej').map((h) => h.id)).toEqual(['t'])
    expect(search.search('pla dejeuner').map((h) => h.id)).toEqual([])
  })

  it('one hit per conversation, snippeted from its newest matching message', () => {
    conversation('c', 'Chat', 10, ['apple one', 'no match', 'apple two'])
    const hits = search.search('apple')
    expect(hits).toHaveLength(1)
    expect(hits[0]?.snippet).toBe(`${HIT_START}apple${HIT_END} two`)
  })

  it('never throws on FTS syntax, and follows renames and deletes', () => {
    conversation('c', 'Notes', 10, ['plain text'])
    for (const q of ['"', 'AND', 'NEAR(', 'text OR', '*', 'col:text', '(', "')"]) {
      expect(() => search.search(q), q).not.toThrow()
    }
    expect(search.search('text OR').map((h) => h.id)).toEqual([])
    conversations.rename('c', 'Groceries')
    expect(search.search('grocer').map((h) => h.id)).toEqual(['c'])
    expect(search.search('notes')).toEqual([])
    conversations.delete('c')
    expect(search.search('grocer')).toEqual([])
    expect(search.search('plain')).toEqual([])
  })

  it('returns at most the limit', () => {
    for (let i = 0; i < 5; i++) conversation(`c${i}`, `Topic ${i}`, i * 10, ['shared word'])
    expect(search.search('shared', 3).map((h) => h.id)).toEqual(['c4', 'c3', 'c2'])
  })
})
