import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLogger, teeLogger } from './file-logger'

const dirs: string[] = []
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mdesk-logs-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const ENV_KEY = 'envKeyAbcdefghij0123456789XYZabc'
const KEY_SHAPED = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bD1fH'

describe('createFileLogger', () => {
  it('writes one redacted line per entry into <dir>/main.log, readable by the user only', () => {
    const dir = join(scratch(), 'logs')
    const log = createFileLogger({ dir, secrets: () => [ENV_KEY], now: () => new Date('2026-01-02T03:04:05Z') })
    log.info(`using ${ENV_KEY}`)
    log.warn('upstream said', { error: `401 for Bearer ${KEY_SHAPED}`, nested: { pasted: KEY_SHAPED } })
    log.error('boom\nforged: line')
    const text = readFileSync(join(dir, 'main.log'), 'utf8')
    expect(text).not.toContain(ENV_KEY)
    expect(text).not.toContain(KEY_SHAPED)
    expect(text.trimEnd().split('\n')).toEqual([
      '[2026-01-02T03:04:05.000Z] info: using [redacted]',
      '[2026-01-02T03:04:05.000Z] warn: upstream said {"error":"401 for Bearer [redacted]","nested":{"pasted":"[redacted]"}}',
      '[2026-01-02T03:04:05.000Z] error: boom\\nforged: line',
    ])
    if (process.platform !== 'win32') expect(statSync(join(dir, 'main.log')).mode & 0o777).toBe(0o600)
  })

  it('rotates by size, keeping main.log and the newest rotated files', () => {
    const dir = scratch()
    const log = createFileLogger({ dir, secrets: () => [], maxBytes: 200, keep: 2 })
    for (let i = 0; i < 40; i++) log.info(`entry ${String(i).padStart(2, '0')} ${'x'.repeat(20)}`)
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log'])
    for (const file of readdirSync(dir)) expect(statSync(join(dir, file)).size, file).toBeLessThanOrEqual(200)
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('entry 39')
    expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).not.toContain('entry 00')
  })

  it('rotates a file left too big by an earlier run before appending', () => {
    const dir = scratch()
    writeFileSync(join(dir, 'main.log'), 'y'.repeat(500))
    createFileLogger({ dir, secrets: () => [], maxBytes: 200 }).info('fresh')
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toMatch(/info: fresh\n$/)
    expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('y'.repeat(500))
  })

  it('never throws when the directory cannot be written', () => {
    const parent = scratch()
    chmodSync(parent, 0o500)
    const log = createFileLogger({ dir: join(parent, 'logs'), secrets: () => [] })
    expect(() => {
      log.info('one')
      log.error('two')
    }).not.toThrow()
    chmodSync(parent, 0o700)
    // Root ignores the mode bits; elsewhere nothing was created.
    if (process.getuid?.() !== 0) expect(existsSync(join(parent, 'logs'))).toBe(false)
  })
})

describe('teeLogger', () => {
  it('gives every entry to each logger even if one throws', () => {
    const seen: string[] = []
    const broken = { info: () => { throw new Error('no') }, warn: () => {}, error: () => {} }
    const tee = teeLogger(broken, { info: (m) => seen.push(m), warn: () => {}, error: () => {} })
    tee.info('hello')
    expect(seen).toEqual(['hello'])
  })
})
