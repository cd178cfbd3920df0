import { beforeEach, describe, expect, it } from 'vitest'
import type { ConversationSummary } from '../../../../shared/domain'
import { connectConversationEvents } from './conversation-events'
import { installFakeApi, type FakeApi } from '../../testing/fake-api'
import { useConversationsStore } from './conversations-store'

let api: FakeApi
const summary = (id: string, title: string, updatedAt: number): ConversationSummary => ({
  id,
  title,
  model: 'm',
  createdAt: 1,
  updatedAt,
  messageCount: 2,
})

beforeEach(() => {
  api = installFakeApi()
  useConversationsStore.setState({ list: [summary('a', 'First words', 2), summary('b', 'Other', 1)] })
})

describe('conversations.changed', () => {
  it('puts the new title in place, and lists a conversation it did not know', () => {
    const stop = connectConversationEvents()
    api.emit('conversations.changed', summary('b', 'A better title', 3))
    api.emit('conversations.changed', summary('c', 'New one', 0))
    stop()
    api.emit('conversations.changed', summary('a', 'Ignored after disconnect', 9))
    expect(useConversationsStore.getState().list.map((c) => `${c.id}:${c.title}`)).toEqual([
      'b:A better title',
      'a:First words',
      'c:New one',
    ])
  })
})
