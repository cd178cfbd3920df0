/** Channels that need no reply stream: presets, links.open and search, through dispatch() as the hosts call them. */
import { afterEach, describe, expect, it } from 'vitest'
import { CoreHarness, type HarnessOptions } from './testing/core-harness'

const MODEL = 'mistral-small-latest'

let h: CoreHarness | null = null
async function start(options: HarnessOptions = {}): Promise<CoreHarness> {
  h = await CoreHarness.start(options)
  return h
}
afterEach(async () => {
  await h?.stop()
  h = null
})

const settings = { systemPrompt: 'You review code.', params: { temperature: 0.1, maxTokens: 500 } }

describe('presets', () => {
  it('saves without an id to create, with an id to update, lists and deletes', async () => {
    const core = await start()
    expect(await core.ok('presets.list', {})).toEqual([])
    const created = await core.ok('presets.save', { name: ' Reviewer ', model: MODEL, ...settings })
    expect(created).toMatchObject({ name: 'Reviewer', model: MODEL, ...settings, id: expect.any(String), createdAt: expect.any(Number) })
    const updated = await core.ok('presets.save', { id: created.id, name: 'Strict reviewer', model: MODEL, systemPrompt: '', params: {} })
    expect(updated).toEqual({ ...created, name: 'Strict reviewer', systemPrompt: '', params: {} })
    expect(await core.ok('presets.list', {})).toEqual([updated])
    const missing = await core.call('presets.save', { id: 'nope', name: 'x', model: MODEL, ...settings })
    expect(missing.ok ? null : missing.error.code).toBe('not_found')
    const bad = await core.call('presets.save', { name: 'x', model: MODEL, systemPrompt: '', params: { user: 'x' } } as never)
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input')
    expect(await core.ok('presets.delete', { id: created.id })).toEqual({ deleted: true })
    expect(await core.ok('presets.delete', { id: created.id })).toEqual({ deleted: false })
    expect(await core.ok('presets.list', {})).toEqual([])
  })
})

describe('links.open', () => {
  it('opens web links through the host port', async () => {
    const opened: string[] = []
    const core = await start({
      openExternal: async (url) => {
        opened.push(url)
        return true
      },
    })
    expect(await core.ok('links.open', { url: 'https://docs.mistral.ai/api/' })).toEqual({ opened: true })
    expect(await core.ok('links.open', { url: 'http://www.example.org/' })).toEqual({ opened: true })
    expect(opened).toEqual(['https://docs.mistral.ai/api/', 'http://www.example.org/'])
  })

  it('refuses anything but http(s), and says opened:false where the host cannot open links', async () => {
    const opened: string[] = []
    const core = await start({
      openExternal: async (url) => {
        opened.push(url)
        return true
      },
    })
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'mailto:a@b.c', 'ftp://x.y/z']) {
      const r = await core.call('links.open', { url })
      expect(r.ok ? null : r.error.code, url).toBe('invalid_input')
    }
    expect(opened).toEqual([])
    await core.stop()
    const hostless = await start()
    expect(await hostless.ok('links.open', { url: 'https://mistral.ai' })).toEqual({ opened: false })
  })
})

describe('conversations.search', () => {
  it('finds conversations by message text and title, diacritics folded, newest first', async () => {
    const core = await start()
    await core.ok('keys.set', { key: core.sim.key })
    const first = await core.ok('chat.send', { model: MODEL, content: 'Un café crème, please [sim tokens=3]' })
    await core.ctx.finished(first.requestId)
    const second = await core.ok('chat.send', { model: MODEL, content: 'Best cafe in town? [sim tokens=3]' })
    await core.ctx.finished(second.requestId)
    await Promise.all([core.ctx.changed(first.conversationId), core.ctx.changed(second.conversationId)])
    await core.ok('conversations.rename', { id: first.conversationId, title: 'Morning coffee' })

    const hits = await core.ok('conversations.search', { query: 'cafe' })
    expect(hits.map((hit) => hit.id)).toEqual([second.conversationId, first.conversationId])
    expect(hits[1]).toMatchObject({ title: 'Morning coffee', snippet: expect.stringContaining('\uE000café\uE001') })
    expect((await core.ok('conversations.search', { query: 'morn' })).map((hit) => [hit.id, hit.snippet])).toEqual([
      [first.conversationId, null],
    ])
    expect(await core.ok('conversations.search', { query: '"unbalanced AND (' })).toEqual([])
  })
})
