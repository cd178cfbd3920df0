import fs from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../testing/temp-dir'
import { FileStore } from './file-store'

let tmp: ReturnType<typeof makeTempDir>
let store: FileStore
beforeEach(() => {
  tmp = makeTempDir()
  store = new FileStore(path.join(tmp.dir, 'files'))
})
afterEach(() => tmp.cleanup())

// sha256("hello")
const HELLO = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'

describe('FileStore', () => {
  it('names bytes by their SHA-256 and keeps one copy of the same bytes', () => {
    const a = store.putBytes(Buffer.from('hello'))
    const b = store.putBytes(Buffer.from('hello'))
    expect(a).toEqual(b)
    expect(a.sha256).toBe(HELLO)
    expect(a.bytes).toBe(5)
    expect(fs.readFileSync(a.path, 'utf8')).toBe('hello')
    expect(store.has(HELLO)).toBe(true)
  })

  it('streams a file in with the same hash as its bytes, and leaves no temp file', async () => {
    const source = path.join(tmp.dir, 'in.txt')
    fs.writeFileSync(source, 'hello')
    const stored = await store.putFile(source)
    expect(stored.sha256).toBe(HELLO)
    expect(fs.readdirSync(path.join(tmp.dir, 'files', 'tmp'))).toEqual([])
  })

  it('fails on a missing source without leaving anything behind', async () => {
    await expect(store.putFile(path.join(tmp.dir, 'nope'))).rejects.toThrow(/ENOENT/)
    const temps = path.join(tmp.dir, 'files', 'tmp')
    expect(fs.existsSync(temps) ? fs.readdirSync(temps) : []).toEqual([])
  })

  it('refuses names that are not hashes, so a row cannot point outside the store', () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/Not a SHA-256/)
    expect(store.has('../x')).toBe(false)
  })

  it('removes a stored file', () => {
    store.putBytes(Buffer.from('hello'))
    expect(store.remove(HELLO)).toBe(true)
    expect(store.has(HELLO)).toBe(false)
    expect(store.remove(HELLO)).toBe(false)
  })
})
