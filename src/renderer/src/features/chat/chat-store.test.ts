import { beforeEach, describe, expect, it } from 'vitest'
import type { ChannelName, WindowApi } from '../../../../shared/contract'
import type { ChatStreamEvent, Conversation, StartedReply } from '../../../../shared/domain'
import type { Result } from '../../../../shared/errors'
import { setApiForTests } from '../../api'
import { applyStreamEvents, openConversation, sendMessage, useChatStore } from './chat-store'
import { retryMessage } from './chat-turns'
import { EMPTY_SETTINGS, showSettingsOf } from './conversation-settings/conversation-settings-store'

type Handler = (input: unknown) => Result<unknown>
let handlers: Partial<Record<ChannelName, Handler>> = {}

const fakeApi: WindowApi = {
  invoke: ((channel: ChannelName, input: unknown) =>
    Promise.resolve(
      handlers[channel]?.(input) ?? { ok: false, error: { code: 'internal', message: 'no handler', retryable: false } },
    )) as WindowApi['invoke'],
  on: () => () => {},
}

const started: StartedReply = { requestId: 'r1', conversationId: 'c1', userMessageId: 'u1', assistantMessageId: 'a1' }
const ev = (e: Partial<ChatStreamEvent> & Pick<ChatStreamEvent, 'type'>) =>
  ({ requestId: 'r1', conversationId: 'c1', messageId: 'a1', ...e }) as ChatStreamEvent

const initial = useChatStore.getState()

beforeEach(() => {
  handlers = { 'conversations.list': () => ({ ok: true, value: [] }) }
  setApiForTests(fakeApi)
  useChatStore.setState(initial, true)
  showSettingsOf(null, EMPTY_SETTINGS)
})

describe('chat store', () => {
  it('a first send opens the new conversation with the user message and an empty streaming reply', async () => {
    handlers['chat.send'] = () => ({ ok: true, value: started })
    expect(await sendMessage('Hello', 'mistral-small-latest')).toBeNull()
    const s = useChatStore.getState()
    expect(s.openId).toBe('c1')
    expect(s.order).toEqual(['u1', 'a1'])
    expect(s.messages.u1).toMatchObject({ role: 'user', content: 'Hello', status: 'complete' })
    expect(s.messages.a1).toMatchObject({ role: 'assistant', content: '', status: 'streaming' })
    expect(s.active.r1).toEqual({ requestId: 'r1', conversationId: 'c1', messageId: 'a1' })
  })

  it('a delta replaces only its own message object', async () => {
    handlers['chat.send'] = () => ({ ok: true, value: started })
    await sendMessage('Hello', 'm')
    const before = useChatStore.getState()
    applyStreamEvents([ev({ type: 'delta', text: 'Echo: ' }), ev({ type: 'delta', text: 'Hello' })])
    const after = useChatStore.getState()
    expect(after.messages.a1?.content).toBe('Echo: Hello')
    expect(after.messages.u1).toBe(before.messages.u1)
    expect(after.order).toBe(before.order)
  })

  it('events that overtake the send answer are replayed once the request is known', async () => {
    handlers['chat.send'] = () => {
      applyStreamEvents([ev({ type: 'delta', text: 'early ' })])
      return { ok: true, value: started }
    }
    await sendMessage('Hello', 'm')
    applyStreamEvents([ev({ type: 'delta', text: 'late' })])
    expect(useChatStore.getState().messages.a1?.content).toBe('early late')
  })

  it('endings set the status and free the conversation for the next send', async () => {
    handlers['chat.send'] = () => ({ ok: true, value: started })
    await sendMessage('Hello', 'm')
    applyStreamEvents([ev({ type: 'done', finishReason: 'length', usage: null })])
    const s = useChatStore.getState()
    expect(s.messages.a1).toMatchObject({ status: 'complete', finishReason: 'length' })
    expect(s.active).toEqual({})
  })

  it('a failed reply keeps its partial text, and Retry streams a new one in its place', async () => {
    handlers['chat.send'] = () => ({ ok: true, value: started })
    await sendMessage('Hello', 'm')
    const error = { code: 'network', message: 'cut', retryable: true } as const
    applyStreamEvents([ev({ type: 'delta', text: 'Echo: He' }), ev({ type: 'error', error })])
    expect(useChatStore.getState().messages.a1).toMatchObject({ status: 'error', content: 'Echo: He', error })

    handlers['chat.retry'] = () => ({
      ok: true,
      value: { requestId: 'r2', conversationId: 'c1', userMessageId: null, assistantMessageId: 'a2' },
    })
    await retryMessage('a1')
    const s = useChatStore.getState()
    expect(s.order).toEqual(['u1', 'a2'])
    expect(s.messages.a1).toBeUndefined()
    expect(s.messages.a2).toMatchObject({ status: 'streaming', content: '' })
  })

  it('a new chat sends its draft settings once, and trimToFit only when asked', async () => {
    const inputs: unknown[] = []
    handlers['chat.send'] = (input) => {
      inputs.push(input)
      return { ok: true, value: started }
    }
    await sendMessage('Hello', 'm')
    showSettingsOf(null, { systemPrompt: 'Be brief', params: { temperature: 0.3 } })
    useChatStore.setState({ openId: null, order: [] })
    await sendMessage('Hi', 'm', { trimToFit: true })
    useChatStore.setState({ active: {} })
    await sendMessage('Again', 'm')
    expect(inputs).toEqual([
      { content: 'Hello', model: 'm' },
      { content: 'Hi', model: 'm', trimToFit: true, settings: { systemPrompt: 'Be brief', params: { temperature: 0.3 } } },
      { conversationId: 'c1', content: 'Again', model: 'm' },
    ])
  })

  it('too_large holds the send back for the context warning instead of failing the pane', async () => {
    handlers['chat.send'] = () => ({ ok: false, error: { code: 'too_large', message: 'big', retryable: false } })
    await sendMessage('Hello', 'm')
    expect(useChatStore.getState()).toMatchObject({ error: null, overflow: { kind: 'send', content: 'Hello', model: 'm' } })
    await sendMessage('Hello', 'm', { trimToFit: true })
    expect(useChatStore.getState()).toMatchObject({ error: { code: 'too_large' }, overflow: null })
  })

  it('a send that fails before any message exists is reported on the pane', async () => {
    handlers['chat.send'] = () => ({ ok: false, error: { code: 'no_key', message: 'Add a key', retryable: false } })
    const error = await sendMessage('Hello', 'm')
    expect(error?.code).toBe('no_key')
    expect(useChatStore.getState()).toMatchObject({ sending: false, error: { code: 'no_key' }, failedSend: null })
  })

  it('reopening a conversation keeps the in-memory copy of a reply that is still streaming', async () => {
    handlers['chat.send'] = () => ({ ok: true, value: started })
    await sendMessage('Hello', 'm')
    applyStreamEvents([ev({ type: 'delta', text: 'Echo: Hello, world' })])
    const stale: Conversation = {
      id: 'c1',
      title: 'Hello',
      model: 'm',
      createdAt: 1,
      updatedAt: 1,
      messageCount: 2,
      systemPrompt: '',
      params: {},
      messages: [
        { ...useChatStore.getState().messages.u1!, createdAt: 1 },
        { ...useChatStore.getState().messages.a1!, content: 'Echo: He' },
      ],
    }
    handlers['conversations.get'] = () => ({ ok: true, value: stale })
    await openConversation('c1')
    const s = useChatStore.getState()
    expect(s.order).toEqual(['u1', 'a1'])
    expect(s.messages.a1?.content).toBe('Echo: Hello, world')
  })
})
