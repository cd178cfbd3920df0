/** links.open through dispatch(), as the hosts call it. */
import { describe, expect, it } from 'vitest'
import { harnessPerTest } from '../testing/core-harness'

const start = harnessPerTest()

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
