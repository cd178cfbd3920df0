import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type Simulator } from '../../../../../e2e/mistral-sim/server'
import { AppErrorException } from '../../../../shared/errors'
import { AUTH_MESSAGE } from '../mistral/errors'
import { MistralClient } from '../mistral/mistral-client'
import type { SecretCipher } from '../../ports'
import { FakeCipher, MemorySettings, RecordingLogger } from '../../testing/doubles'
import { KeyService, SECRET_SETTING } from './key-service'

let sim: Simulator
let client: MistralClient
let settings: MemorySettings
let logger: RecordingLogger

beforeAll(async () => {
  sim = await startSimulator()
})
afterAll(() => sim.close())
beforeEach(() => {
  sim.reset()
  client = new MistralClient({ serverURL: sim.url })
  settings = new MemorySettings()
  logger = new RecordingLogger()
})

const service = (cipher: SecretCipher | null, envApiKey?: string) =>
  new KeyService({ cipher, settings, envApiKey, validate: (k) => client.listModels(k, { refresh: true }), logger })

async function rejection(p: Promise<unknown>): Promise<AppErrorException> {
  try {
    await p
  } catch (err) {
    if (err instanceof AppErrorException) return err
    throw err
  }
  throw new Error('expected a rejection')
}

describe('KeyService', () => {
  it('starts empty', () => {
    expect(service(new FakeCipher(true)).status()).toEqual({
      set: false,
      last4: null,
      source: null,
      backend: 'gnome_libsecret',
      weakEncryption: false,
    })
  })

  it('no cipher (browser host): memory only, for this session', async () => {
    const keys = service(null)
    const status = await keys.set({ key: sim.key, persist: true })
    expect(status).toEqual({ set: true, last4: sim.key.slice(-4), source: 'memory', backend: 'none', weakEncryption: false })
    expect(settings.data.size).toBe(0)
    expect(service(null).status().set).toBe(false) // a restart forgets it
  })

  it('strong cipher: stores ciphertext only, and a restart finds it', async () => {
    const cipher = new FakeCipher(true)
    const status = await service(cipher).set({ key: sim.key })
    expect(status).toMatchObject({ set: true, source: 'keychain', weakEncryption: false })
    const stored = settings.get(SECRET_SETTING)
    expect(typeof stored).toBe('string')
    expect(settings.serialize()).not.toContain(sim.key)
    expect(cipher.decrypt(Buffer.from(stored as string, 'base64'))).toBe(sim.key)
    const again = service(cipher)
    expect(again.status()).toMatchObject({ set: true, source: 'keychain', last4: sim.key.slice(-4) })
    expect(again.currentKey()).toBe(sim.key)
  })

  it('strong cipher with persist: false keeps the key in memory', async () => {
    expect((await service(new FakeCipher(true)).set({ key: sim.key, persist: false })).source).toBe('memory')
    expect(settings.data.size).toBe(0)
  })

  it('weak cipher (basic_text): memory unless the user opts in', async () => {
    const weak = new FakeCipher(false)
    const status = await service(weak).set({ key: sim.key })
    expect(status).toMatchObject({ source: 'memory', backend: 'basic_text', weakEncryption: true })
    expect(settings.data.size).toBe(0)
    const optedIn = await service(weak).set({ key: sim.key, persist: true })
    expect(optedIn).toMatchObject({ source: 'keychain', weakEncryption: true })
    expect(service(weak).status().source).toBe('keychain')
  })

  it('a memory key replaces a stored one, so a restart cannot revive the old key', async () => {
    const cipher = new FakeCipher(true)
    await service(cipher).set({ key: sim.key })
    await service(cipher).set({ key: sim.key, persist: false })
    expect(settings.get(SECRET_SETTING)).toBeUndefined()
  })

  it('a rejected key (401) gives an auth error and stores nothing', async () => {
    const keys = service(new FakeCipher(true))
    const wrong = 'wrong-key-abcdefghijklmnop'
    const err = await rejection(keys.set({ key: wrong }))
    expect(err.appError).toMatchObject({ code: 'auth', message: AUTH_MESSAGE, status: 401 })
    expect(JSON.stringify(err.appError)).not.toContain(wrong)
    expect(keys.status().set).toBe(false)
    expect(settings.data.size).toBe(0)
  })

  it('an unreachable API gives a network error and stores nothing', async () => {
    const dead = await startSimulator()
    await dead.close()
    client = new MistralClient({ serverURL: dead.url })
    const keys = service(new FakeCipher(true))
    const err = await rejection(keys.set({ key: sim.key }))
    expect(err.appError).toMatchObject({ code: 'network', retryable: true })
    expect(settings.data.size).toBe(0)
  })

  it('honours MISTRAL_API_KEY when nothing else is set, never writing it', async () => {
    const keys = service(new FakeCipher(true), sim.key)
    expect(keys.status()).toMatchObject({ set: true, source: 'env', last4: sim.key.slice(-4) })
    expect(keys.currentKey()).toBe(sim.key)
    keys.delete()
    expect(keys.status().source).toBe('env') // env cannot be deleted from the app
    expect(settings.data.size).toBe(0)
  })

  it('a stored or memory key wins over the env key; delete falls back to env', async () => {
    const keys = service(null, 'env-key-0000000000000000')
    await keys.set({ key: sim.key })
    expect(keys.status().source).toBe('memory')
    expect(keys.currentKey()).toBe(sim.key)
    keys.delete()
    expect(keys.status()).toMatchObject({ source: 'env', last4: '0000' })
  })

  it('delete removes the stored and the memory key', async () => {
    const cipher = new FakeCipher(true)
    const keys = service(cipher)
    await keys.set({ key: sim.key })
    expect(keys.delete()).toMatchObject({ set: false, source: null })
    expect(settings.data.size).toBe(0)
    expect(service(cipher).status().set).toBe(false)
  })

  it('an undecryptable stored key is ignored with a warning', () => {
    settings.set(SECRET_SETTING, Buffer.from('garbage').toString('base64'))
    const keys = service(new FakeCipher(true))
    expect(keys.status().set).toBe(false)
    expect(logger.lines.join('\n')).toMatch(/could not be decrypted/)
  })

  it('never logs the key', async () => {
    await service(new FakeCipher(true)).set({ key: sim.key })
    expect(logger.lines.join('\n')).not.toContain(sim.key)
  })
})
