import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/temp-dir'
import type { Db } from '../kernel/db/database'
import { openAppDatabase } from '../schema'
import { ConversationsRepo } from './conversations-repo'
import { MessagesRepo } from './messages-repo'

let tmp: ReturnType<typeof makeTempDir>
let db: Db
let conversations: ConversationsRepo
let messages: MessagesRepo

beforeEach(() => {
  tmp = makeTempDir()
  db = openAppDatabase(tmp.dir)
  conversations = new ConversationsRepo(db)
  messages = new MessagesRepo(db)
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

const msg = (id: string, conversationId: string, content: string, at: number) =>
  messages.insert({ id, conversationId, parentId: null, role: 'user', content, status: 'complete', model: null, createdAt: at })

const search = (q: string) =>
  (db.prepare('SELECT m.id FROM messages_fts f JOIN messages m ON m.pk = f.rowid WHERE messages_fts MATCH ? ORDER BY m.id').all(q) as {
    id: string
  }[]).map((r) => r.id)

describe('ConversationsRepo', () => {
  it('lists by last activity with message counts', () => {
    conversations.insert({ id: 'old', title: 'Old', model: 'm1', createdAt: 1 })
    conversations.insert({ id: 'new', title: 'New', model: 'm1', createdAt: 2 })
    msg('x', 'old', 'a', 3)
    msg('y', 'old', 'b', 3)
    conversations.touch('old', 'm2', 5)
    const list = conversations.list()
    expect(list.map((c) => c.id)).toEqual(['old', 'new'])
    expect(list[0]).toMatchObject({ model: 'm2', updatedAt: 5, messageCount: 2, createdAt: 1 })
    expect(list[1]?.messageCount).toBe(0)
  })

  it('renames without reordering, and reports missing rows', () => {
    conversations.insert({ id: 'c', title: 'T', model: 'm', createdAt: 1 })
    expect(conversations.rename('c', 'Renamed')).toBe(true)
    expect(conversations.get('c')).toMatchObject({ title: 'Renamed', updatedAt: 1 })
    expect(conversations.rename('nope', 'x')).toBe(false)
    expect(conversations.get('nope')).toBeNull()
  })

  it('delete cascades to messages and their search entries', () => {
    conversations.insert({ id: 'c', title: 'T', model: 'm', createdAt: 1 })
    msg('m1', 'c', 'pineapple pizza', 2)
    expect(search('pineapple')).toEqual(['m1'])
    expect(conversations.delete('c')).toBe(true)
    expect(messages.get('m1')).toBeNull()
    expect(search('pineapple')).toEqual([])
    expect(conversations.delete('c')).toBe(false)
  })
})

describe('MessagesRepo', () => {
  beforeEach(() => conversations.insert({ id: 'c', title: 'T', model: 'm', createdAt: 1 }))

  it('numbers messages per conversation and lists them by seq', () => {
    conversations.insert({ id: 'd', title: 'D', model: 'm', createdAt: 1 })
    expect(msg('1', 'c', 'a', 1).seq).toBe(1)
    expect(msg('2', 'd', 'b', 1).seq).toBe(1)
    expect(msg('3', 'c', 'c', 1).seq).toBe(2)
    expect(messages.listByConversation('c').map((m) => m.id)).toEqual(['1', '3'])
  })

  it('writes partial text only while streaming, then finishes with error json', () => {
    const a = messages.insert({ id: 'a', conversationId: 'c', parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm', createdAt: 1 })
    messages.writePartial(a.id, 'Hel', 2)
    expect(messages.get('a')?.content).toBe('Hel')
    const error = { code: 'network' as const, message: 'cut', retryable: true }
    messages.finish(a.id, { content: 'Hello', status: 'error', finishReason: null, error }, 3)
    messages.writePartial(a.id, 'late write', 4)
    expect(messages.get('a')).toMatchObject({ content: 'Hello', status: 'error', error })
  })

  it('restart clears a finished row for a retry, but not a streaming one', () => {
    const a = messages.insert({ id: 'a', conversationId: 'c', parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm', createdAt: 1 })
    expect(messages.restart(a.id, 'm2', 2)).toBe(false)
    messages.finish(a.id, { content: 'part', status: 'stopped', finishReason: null, error: null }, 3)
    expect(messages.restart(a.id, 'm2', 4)).toBe(true)
    expect(messages.get('a')).toMatchObject({ content: '', status: 'streaming', model: 'm2', error: null })
  })

  it('keeps the FTS index in step with inserts and streaming updates', () => {
    const a = messages.insert({ id: 'a', conversationId: 'c', parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm', createdAt: 1 })
    messages.writePartial(a.id, 'the quick brown', 2)
    expect(search('quick')).toEqual(['a'])
    messages.finish(a.id, { content: 'the slow fox', status: 'complete', finishReason: 'stop', error: null }, 3)
    expect(search('quick')).toEqual([])
    expect(search('fox')).toEqual(['a'])
    // remove_diacritics: "cafe" finds "café".
    msg('b', 'c', 'un café', 4)
    expect(search('cafe')).toEqual(['b'])
  })
})

describe('crash recovery', () => {
  it('marks rows left streaming as interrupted, keeping their partial text', () => {
    conversations.insert({ id: 'c1', title: 't', model: 'm', createdAt: 1 })
    const done = messages.insert({ id: 'a', conversationId: 'c1', parentId: null, role: 'user', content: 'hi', status: 'complete', model: null, createdAt: 1 })
    const live = messages.insert({ id: 'b', conversationId: 'c1', parentId: null, role: 'assistant', content: '', status: 'streaming', model: 'm', createdAt: 2 })
    messages.writePartial(live.id, 'partial tex', 3)
    db.close() // the "crash"

    db = openAppDatabase(tmp.dir)
    const repo = new MessagesRepo(db)
    expect(repo.markStreamingInterrupted(10)).toBe(1)
    expect(repo.get('b')).toMatchObject({ status: 'interrupted', content: 'partial tex' })
    expect(repo.get(done.id)?.status).toBe('complete')
    expect(repo.markStreamingInterrupted(11)).toBe(0)
  })
})
