import { beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName, WindowApi } from '../../../../shared/contract'
import type { Conversation, Message, StartedReply } from '../../../../shared/domain'
import type { Result } from '../../../../shared/errors'
import { setApiForTests } from '../../api'
import { useChatStore } from './chat-state'
import { applyStreamEvents } from './chat-stream'
import { holdOverflowingTurn } from './chat-store'
import { continueReply, deleteMessage, editMessage, regenerateReply, selectVersion, sendHeldTurn } from './chat-turns'

type Handler = (input: unknown) => Result<unknown>
let handlers: Partial<Record<ChannelName, Handler>> = {}
let calls: { channel: ChannelName; input: unknown }[] = []

const fakeApi: WindowApi = {
  invoke: ((channel: ChannelName, input: unknown) => {
    calls.push({ channel, input })
    return Promise.resolve(
      handlers[channel]?.(input) ?? { ok: false, error: { code: 'internal', message: 'no handler', retryable: false } },
    )
  }) as WindowApi['invoke'],
  on: () => () => {},
}

const msg = (id: string, role: Message['role'], parentId: string | null, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c1',
  role,
  content: `${id} text`,
  status: 'complete',
  model: 'm',
  finishReason: role === 'assistant' ? 'stop' : null,
  error: null,
  createdAt: 1,
  parentId,
  versionIds: [id],
  ...extra,
})

const conversation = (messages: Message[]): Conversation => ({
  id: 'c1',
  title: 't',
  model: 'm',
  createdAt: 1,
  updatedAt: 1,
  messageCount: messages.length,
  systemPrompt: '',
  params: {},
  messages,
})

const started = (requestId: string, userMessageId: string | null, assistantMessageId: string): StartedReply => ({
  requestId,
  conversationId: 'c1',
  userMessageId,
  assistantMessageId,
})

const initial = useChatStore.getState()

beforeEach(() => {
  handlers = {}
  calls = []
  setApiForTests(fakeApi)
  const thread = [msg('u1', 'user', null), msg('a1', 'assistant', 'u1'), msg('u2', 'user', 'a1'), msg('a2', 'assistant', 'u2')]
  useChatStore.setState(
    { ...initial, openId: 'c1', order: thread.map((m) => m.id), messages: Object.fromEntries(thread.map((m) => [m.id, m])) },
    true,
  )
})

describe('turn actions', () => {
  it('regenerate puts a new version of the reply in its place, with the pager information', async () => {
    handlers['chat.regenerate'] = () => ({ ok: true, value: started('r1', null, 'a1b') })
    expect(await regenerateReply('a1', 'other-model')).toBeNull()
    expect(calls[0]).toEqual({ channel: 'chat.regenerate', input: { messageId: 'a1', model: 'other-model' } })
    const s = useChatStore.getState()
    // A reply in the middle: the turns after it belonged to the old version.
    expect(s.order).toEqual(['u1', 'a1b'])
    expect(s.messages.a1b).toMatchObject({ status: 'streaming', parentId: 'u1', versionIds: ['a1', 'a1b'] })
    expect(s.messages.u2).toBeUndefined()
    applyStreamEvents([{ type: 'delta', requestId: 'r1', conversationId: 'c1', messageId: 'a1b', text: 'New' }])
    expect(useChatStore.getState().messages.a1b?.content).toBe('New')
  })

  it('edit adds a version of the user message and a fresh reply, ending the thread there', async () => {
    handlers['chat.edit'] = () => ({ ok: true, value: started('r1', 'u2b', 'a2b') })
    expect(await editMessage('u2', 'Changed')).toBeNull()
    const s = useChatStore.getState()
    expect(s.order).toEqual(['u1', 'a1', 'u2b', 'a2b'])
    expect(s.messages.u2b).toMatchObject({ content: 'Changed', parentId: 'a1', versionIds: ['u2', 'u2b'] })
    expect(s.messages.a2b).toMatchObject({ status: 'streaming', parentId: 'u2b' })
    expect(s.active.r1?.messageId).toBe('a2b')
  })

  it('an edit that is too large is held for the context warning, and sent again with trimToFit', async () => {
    handlers['chat.edit'] = () => ({ ok: false, error: { code: 'too_large', message: 'big', retryable: false } })
    await editMessage('u2', 'Long')
    expect(useChatStore.getState()).toMatchObject({ error: null, overflow: { kind: 'edit', messageId: 'u2', content: 'Long' } })
    handlers['chat.edit'] = () => ({ ok: true, value: started('r1', 'u2b', 'a2b') })
    await sendHeldTurn()
    expect(calls.at(-1)).toEqual({ channel: 'chat.edit', input: { messageId: 'u2', content: 'Long', trimToFit: true } })
    expect(useChatStore.getState().overflow).toBeNull()
  })

  it('a held send goes out with trimToFit', async () => {
    handlers['chat.send'] = () => ({ ok: true, value: started('r1', 'u3', 'a3') })
    handlers['conversations.list'] = () => ({ ok: true, value: [] })
    holdOverflowingTurn({ kind: 'send', content: 'Big', model: 'm' })
    await sendHeldTurn()
    expect(calls[0]).toEqual({ channel: 'chat.send', input: { conversationId: 'c1', content: 'Big', model: 'm', trimToFit: true } })
    expect(useChatStore.getState().order).toEqual(['u1', 'a1', 'u2', 'a2', 'u3', 'a3'])
  })

  it('continue streams onto the end of the same reply', async () => {
    useChatStore.setState((s) => ({ messages: { ...s.messages, a2: { ...s.messages.a2!, finishReason: 'length' } } }))
    handlers['chat.continue'] = () => ({ ok: true, value: started('r1', null, 'a2') })
    await continueReply('a2')
    expect(useChatStore.getState().messages.a2).toMatchObject({ status: 'streaming', finishReason: null, content: 'a2 text' })
    applyStreamEvents([
      { type: 'delta', requestId: 'r1', conversationId: 'c1', messageId: 'a2', text: ' more' },
      { type: 'done', requestId: 'r1', conversationId: 'c1', messageId: 'a2', finishReason: 'stop', usage: null },
    ])
    expect(useChatStore.getState().messages.a2).toMatchObject({ status: 'complete', finishReason: 'stop', content: 'a2 text more' })
    expect(useChatStore.getState().order).toEqual(['u1', 'a1', 'u2', 'a2'])
  })

  it('selecting a version or deleting shows the thread main answers with', async () => {
    const other = [msg('u1', 'user', null), msg('a1x', 'assistant', 'u1', { versionIds: ['a1', 'a1x'] })]
    handlers['messages.selectVersion'] = () => ({ ok: true, value: conversation(other) })
    await selectVersion('a1x')
    expect(useChatStore.getState().order).toEqual(['u1', 'a1x'])
    expect(useChatStore.getState().messages.a1x?.versionIds).toEqual(['a1', 'a1x'])

    handlers['messages.delete'] = () => ({ ok: true, value: conversation([msg('u1', 'user', null)]) })
    await deleteMessage('a1x')
    expect(useChatStore.getState().order).toEqual(['u1'])
    expect(useChatStore.getState().messages.a1x).toBeUndefined()
  })

  it('a failed turn action is reported on the pane', async () => {
    handlers['chat.regenerate'] = () => ({ ok: false, error: { code: 'network', message: 'down', retryable: true } })
    expect((await regenerateReply('a2'))?.code).toBe('network')
    expect(useChatStore.getState().error?.code).toBe('network')
    expect(useChatStore.getState().order).toEqual(['u1', 'a1', 'u2', 'a2'])
  })
})

