/**
 * After keys.set and a chat, the key must not appear anywhere the app writes or
 * returns: the data dir (SQLite, WAL), settings, logs, events and every result.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SecretCipher } from '../../ports'
import { CoreHarness } from '../../testing/core-harness'
import { FakeCipher } from '../../testing/doubles'

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

let h: CoreHarness | undefined
afterEach(() => h?.stop())

const policies: [string, SecretCipher | null, boolean | undefined][] = [
  ['strong keychain', new FakeCipher(true), undefined],
  ['weak, opted in', new FakeCipher(false), true],
  ['weak, memory only', new FakeCipher(false), undefined],
  ['no cipher', null, undefined],
]

describe.each(policies)('no plaintext key at rest (%s)', (_name, cipher, persist) => {
  it('is absent from every file, setting, log line, event and result', async () => {
    h = await CoreHarness.start({ cipher })
    const key = h.sim.key
    const returned: unknown[] = []
    returned.push(await h.call('keys.set', { key, ...(persist === undefined ? {} : { persist }) }))
    const started = await h.ok('chat.send', { model: 'mistral-small-latest', content: 'secret? [sim tokens=20]' })
    returned.push(started, await h.ctx.finished(started.requestId))
    h.sim.injectFault({ kind: 'status', status: 429, retryAfterSeconds: 1 })
    const failed = await h.ok('chat.send', { model: 'mistral-small-latest', content: 'again' })
    returned.push(await h.ctx.finished(failed.requestId))
    returned.push(await h.call('keys.status', {}), await h.call('conversations.list', {}))
    returned.push(await h.call('conversations.get', { id: started.conversationId }), await h.call('models.list', {}))
    returned.push(await h.call('keys.set', { key: `${key}-wrong` }))

    // Read the data dir while the core is live (WAL not yet checkpointed) and again after close.
    const needles = [Buffer.from(key, 'utf8'), Buffer.from(key, 'utf16le')]
    const scan = () => {
      const files = filesUnder(h?.dataDir ?? '')
      expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true)
      for (const file of files) {
        const bytes = fs.readFileSync(file)
        for (const needle of needles) expect(bytes.includes(needle), file).toBe(false)
      }
    }
    scan()
    h.core.close()
    scan()

    expect(h.settings.serialize()).not.toContain(key)
    expect(h.logger.lines.join('\n')).not.toContain(key)
    expect(JSON.stringify(h.ctx.events)).not.toContain(key)
    expect(JSON.stringify(returned)).not.toContain(key)
  })
})
