import { beforeEach, describe, expect, it } from 'vitest'
import type { Conversation } from '../../../../shared/domain'
import { installFakeApi, ok, type FakeApi } from '../../testing/fake-api'
import { enterConversationRoute } from './chat-address'
import { newChat, useChatStore } from './chat-store'

const conversation = (id: string): Conversation => ({
  id,
  title: id,
  model: 'm',
  createdAt: 1,
  updatedAt: 1,
  messageCount: 0,
  systemPrompt: '',
  params: {},
  messages: [],
})

const initial = useChatStore.getState()
let fake: FakeApi

beforeEach(() => {
  fake = installFakeApi()
  fake.handlers['conversations.get'] = (input) => ok(conversation((input as { id: string }).id))
  useChatStore.setState(initial, true)
})

const gets = () => fake.calls.filter((c) => c.channel === 'conversations.get').length

describe('entering a conversation route', () => {
  it('opens the conversation at the message the link names', async () => {
    enterConversationRoute('c1', 'm7')
    expect(useChatStore.getState()).toMatchObject({ openId: 'c1', target: { messageId: 'm7' } })
    await Promise.resolve()
    expect(gets()).toBe(1)
  })

  it('does not reload the open conversation, and still goes to a message asked for', () => {
    enterConversationRoute('c1')
    enterConversationRoute('c1')
    expect(gets()).toBe(1)
    expect(useChatStore.getState().target).toBeNull()
    enterConversationRoute('c1', 'm2')
    const first = useChatStore.getState().target
    enterConversationRoute('c1', 'm2')
    // A fresh request each time, so the log goes back to the message even if the user scrolled away.
    expect(useChatStore.getState().target).not.toBe(first)
    expect(gets()).toBe(1)
  })

  it('forgets the message when the pane moves on', () => {
    enterConversationRoute('c1', 'm7')
    newChat()
    expect(useChatStore.getState().target).toBeNull()
  })
})
