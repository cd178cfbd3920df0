import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { chooseSqliteBinding, devRendererUrl, electronSqliteCachePath } from './dev-switches'

const root = mkdtempSync(join(tmpdir(), 'mdesk-dev-switches-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

const cached = electronSqliteCachePath(root, '45.5.0', 'linux', 'x64')
const base = { packaged: false, devBuild: false, root, electronVersion: '45.5.0', platform: 'linux', arch: 'x64', requested: undefined }

describe('devRendererUrl', () => {
  it('is ignored outside an electron-vite dev build, whatever it says', () => {
    expect(devRendererUrl(false, 'http://localhost:5173/')).toBeNull()
    expect(devRendererUrl(false, 'https://evil.example/')).toBeNull()
  })

  it('in a dev build, accepts only a loopback http dev server', () => {
    expect(devRendererUrl(true, undefined)).toBeNull()
    expect(devRendererUrl(true, 'http://localhost:5173')).toBe('http://localhost:5173/')
    expect(devRendererUrl(true, 'http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173/')
    for (const bad of ['https://evil.example/', 'http://evil.example:5173/', 'file:///etc/passwd', 'http://localhost.evil.example/', 'nope']) {
      expect(() => devRendererUrl(true, bad), bad).toThrow(/ELECTRON_RENDERER_URL/)
    }
  })
})

describe('chooseSqliteBinding', () => {
  it('names the cache path scripts/electron-sqlite.mjs writes', () => {
    expect(cached).toBe(join(root, '.tmp/electron-native/electron-45.5.0-linux-x64/better_sqlite3.node'))
  })

  it('uses the project cache when the file is there, and better-sqlite3 own addon otherwise', () => {
    expect(chooseSqliteBinding(base)).toBeUndefined()
    mkdirSync(dirname(cached), { recursive: true })
    writeFileSync(cached, 'addon')
    expect(chooseSqliteBinding(base)).toBe(cached)
  })

  it('outside a dev build, ignores the variable entirely', () => {
    expect(chooseSqliteBinding({ ...base, requested: '/tmp/evil/better_sqlite3.node' })).toBe(cached)
  })

  it('in a dev build, accepts the variable only when it names the cache file', () => {
    expect(chooseSqliteBinding({ ...base, devBuild: true, requested: cached })).toBe(cached)
    expect(chooseSqliteBinding({ ...base, devBuild: true, requested: join(dirname(cached), '..', 'electron-45.5.0-linux-x64', 'better_sqlite3.node') })).toBe(cached)
    for (const bad of ['/tmp/evil/better_sqlite3.node', join(dirname(cached), 'other.node'), join(root, 'better_sqlite3.node')]) {
      expect(() => chooseSqliteBinding({ ...base, devBuild: true, requested: bad }), bad).toThrow(/MISTRAL_DESK_SQLITE_BINDING may only name/)
    }
  })

  it('never in a packaged app, nor outside Electron', () => {
    expect(chooseSqliteBinding({ ...base, packaged: true })).toBeUndefined()
    expect(chooseSqliteBinding({ ...base, electronVersion: undefined })).toBeUndefined()
  })

  it('refuses a symlink planted at the cache path', () => {
    const otherRoot = mkdtempSync(join(tmpdir(), 'mdesk-dev-switches-link-'))
    const link = electronSqliteCachePath(otherRoot, '45.5.0', 'linux', 'x64')
    mkdirSync(dirname(link), { recursive: true })
    symlinkSync(cached, link)
    expect(chooseSqliteBinding({ ...base, root: otherRoot })).toBeUndefined()
    rmSync(otherRoot, { recursive: true, force: true })
  })
})
