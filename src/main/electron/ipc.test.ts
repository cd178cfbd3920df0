import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channelNames } from '../../shared/contract'
import type { CallContext, Handlers } from '../core/dispatch'
import { RecordingLogger } from '../core/testing/doubles'

const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}))
const { registerIpc } = await import('./ipc')

class FakeContents extends EventEmitter {
  destroyed = false
  sent: [string, unknown][] = []
  isDestroyed(): boolean {
    return this.destroyed
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload])
  }
}

const appFrame = { url: 'app://renderer/index.html', parent: null }
const stopped = { type: 'stopped', requestId: 'r', conversationId: 'c', messageId: 'm' } as const

let contexts: CallContext[]
let unregister: () => void

function call(channel: string, input: unknown, sender: FakeContents, senderFrame: unknown = appFrame) {
  const handler = registered.get(`api:${channel}`)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ sender, senderFrame }, input)
}

beforeEach(() => {
  unregister?.()
  contexts = []
  const handlers = {
    'chat.stop': (_input: unknown, ctx: CallContext) => {
      contexts.push(ctx)
      return { stopped: true }
    },
  } as unknown as Handlers
  unregister = registerIpc({ handlers, secrets: () => [] }, null, new RecordingLogger())
})

describe('registerIpc', () => {
  it('registers one handler per contract channel, and removes them', () => {
    expect([...registered.keys()].sort()).toEqual(channelNames.map((n) => `api:${n}`).sort())
    unregister()
    expect(registered.size).toBe(0)
    unregister = () => {}
  })

  it('dispatches calls from our page and validates their input', async () => {
    const page = new FakeContents()
    await expect(call('chat.stop', { requestId: 'r1' }, page)).resolves.toEqual({ ok: true, value: { stopped: true } })
    await expect(call('chat.stop', { requestId: 5 }, page)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
  })

  it('rejects foreign pages, iframes and vanished frames', async () => {
    const page = new FakeContents()
    await expect(call('chat.stop', { requestId: 'r' }, page, { url: 'https://evil.example/', parent: null })).rejects.toThrow(/Blocked/)
    await expect(call('chat.stop', { requestId: 'r' }, page, { ...appFrame, parent: appFrame })).rejects.toThrow(/Blocked/)
    await expect(call('chat.stop', { requestId: 'r' }, page, null)).rejects.toThrow(/Blocked/)
    expect(contexts).toHaveLength(0)
  })

  it('sends events only to the calling webContents, and nothing once it is destroyed', async () => {
    const a = new FakeContents()
    const b = new FakeContents()
    await call('chat.stop', { requestId: 'r' }, a)
    contexts[0]?.emit('chat.stream', stopped)
    expect(a.sent).toEqual([['event:chat.stream', stopped]])
    expect(b.sent).toEqual([])
    a.destroyed = true
    contexts[0]?.emit('chat.stream', stopped)
    expect(a.sent).toHaveLength(1)
  })

  it('runs close listeners when the page reloads or its webContents is destroyed', async () => {
    const page = new FakeContents()
    await call('chat.stop', { requestId: 'r' }, page)
    await call('chat.stop', { requestId: 'r' }, page)
    expect(contexts[0]).toBe(contexts[1])
    const closed = vi.fn()
    contexts[0]?.onClose(closed)
    page.emit('did-navigate')
    expect(closed).toHaveBeenCalledTimes(1)
    contexts[0]?.onClose(closed)
    page.destroyed = true
    page.emit('destroyed')
    expect(closed).toHaveBeenCalledTimes(2)
    expect(page.listenerCount('destroyed')).toBe(0)
    contexts[0]?.onClose(closed)
    await Promise.resolve()
    expect(closed).toHaveBeenCalledTimes(3)
  })
})
