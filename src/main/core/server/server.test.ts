/** The server setting: regions, a custom URL that really receives the calls, kept across restarts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../e2e/mistral-sim/server'
import { CoreHarness } from '../testing/core-harness'

let h: CoreHarness
let other: Simulator

beforeEach(async () => {
  h = await CoreHarness.start()
  other = await startSimulator({ key: h.sim.key, replyStyle: 'echo' })
  await h.ok('keys.set', { key: h.sim.key })
})
afterEach(async () => {
  await h.stop()
  await other.close()
})

describe('server.get / server.set', () => {
  it('defaults to the host server, and maps regions to their URLs', async () => {
    expect(await h.ok('server.get', {})).toEqual({ region: 'default', customUrl: null, defaultUrl: h.sim.url, url: h.sim.url })
    expect((await h.ok('server.set', { region: 'eu' })).url).toBe('https://api.eu.mistral.ai')
    expect((await h.ok('server.set', { region: 'us' })).url).toBe('https://api.us.mistral.ai')
    expect((await h.ok('server.set', { region: 'global' })).url).toBe('https://api.mistral.ai')
  })

  it('a custom URL receives the next reply, survives a restart, and switching back returns to the default', async () => {
    const set = await h.ok('server.set', { region: 'custom', customUrl: `${other.url}/` })
    expect(set).toMatchObject({ region: 'custom', url: other.url, customUrl: `${other.url}/` })
    const started = await h.ok('chat.send', { model: 'mistral-small-latest', content: 'Where am I? [sim tokens=3]' })
    expect(await h.ctx.finished(started.requestId)).toMatchObject({ type: 'done' })
    expect(other.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(1)
    expect(h.sim.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0)

    h.restart()
    expect((await h.ok('server.get', {})).url).toBe(other.url)
    // Without a cipher the key lives for the session only; it is checked against the chosen server.
    await h.ok('keys.set', { key: h.sim.key })
    // The custom URL is kept for later while the default is in use.
    expect(await h.ok('server.set', { region: 'default' })).toMatchObject({ url: h.sim.url, customUrl: `${other.url}/` })
    const back = await h.ok('chat.send', { model: 'mistral-small-latest', content: 'And now? [sim tokens=3]' })
    await h.ctx.finished(back.requestId)
    expect(h.sim.requests.filter((r) => r.path === '/v1/chat/completions').length).toBeGreaterThan(0)
  })

  it('refuses a custom choice without a URL, a non-http URL and credentials in the URL', async () => {
    for (const input of [
      { region: 'custom' as const },
      { region: 'custom' as const, customUrl: 'ftp://example.com' },
      { region: 'custom' as const, customUrl: 'https://user:pw@example.com' },
      { region: 'custom' as const, customUrl: 'not a url' },
    ]) {
      expect(await h.call('server.set', input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect((await h.ok('server.get', {})).region).toBe('default')
  })
})
