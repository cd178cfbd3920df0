/**
 * Check 1: a sandboxed preload can load neither ESM nor npm modules, so the build must
 * be one CommonJS file whose only require is 'electron'. Then the file is run in a
 * bare VM context with a fake 'electron', to see what it really exposes.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { runInNewContext } from 'node:vm'
import { beforeAll, describe, expect, it } from 'vitest'
import { channelNames } from '../../src/shared/contract'
import { PRELOAD_BUNDLE, requireBuilt } from './build-output'

let code: string

beforeAll(() => {
  code = readFileSync(requireBuilt(PRELOAD_BUNDLE), 'utf8')
})

describe('built preload', () => {
  it('is the only script in out/preload', () => {
    const scripts = readdirSync(dirname(PRELOAD_BUNDLE)).filter((f) => /\.(c|m)?js$/.test(f))
    expect(scripts).toEqual(['index.cjs'])
  })

  it("requires only 'electron', and nothing dynamically", () => {
    const literal = [...code.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)].map((m) => m[2])
    const calls = code.match(/\brequire\s*\(/g) ?? []
    expect(new Set(literal)).toEqual(new Set(['electron']))
    expect(calls.length).toBe(literal.length)
  })

  it('has no ESM syntax', () => {
    expect(code).not.toMatch(/^\s*import\s[^(]/m)
    expect(code).not.toMatch(/^\s*export\s/m)
    expect(code).not.toMatch(/\bimport\s*\(/)
    expect(code).not.toMatch(/\bimport\.meta\b/)
  })

  it('exposes exactly { invoke, on, pathForFile } as window.api, limited to the contract', async () => {
    const exposed: Record<string, unknown> = {}
    const invoked: unknown[][] = []
    const listeners = new Map<string, (...args: unknown[]) => void>()
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => {
          exposed[key] = value
        },
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args)
          return Promise.resolve({ ok: true, value: 'stub' })
        },
        on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
        removeListener: (channel: string) => listeners.delete(channel),
      },
      webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
    }
    const module = { exports: {} }
    // What a sandboxed preload gets: a require that knows only a few built-ins.
    const sandboxRequire = (name: string): unknown => {
      if (name === 'electron') return electron
      throw new Error(`module not found: ${name}`)
    }
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console, File })

    expect(Object.keys(exposed)).toEqual(['api'])
    const api = exposed.api as {
      invoke(channel: string, input: unknown): Promise<unknown>
      on(event: string, listener: (payload: unknown) => void): () => void
    }
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile'])
    // Only a real File has a path; anything else the page passes gets none.
    const pathForFile = (exposed.api as { pathForFile(f: unknown): string }).pathForFile
    expect(pathForFile(new File(['x'], 'a.pdf'))).toBe('/dropped/a.pdf')
    expect(pathForFile({ name: '/etc/passwd' })).toBe('')

    await expect(api.invoke('keys.status', {})).resolves.toEqual({ ok: true, value: 'stub' })
    expect(invoked).toEqual([['api:keys.status', {}]])
    await expect(api.invoke('fs.readFile', {})).rejects.toThrow(/Unknown channel/)
    expect(invoked).toHaveLength(1)
    for (const name of channelNames) await api.invoke(name, {})
    expect(invoked.map((args) => args[0])).toEqual(['api:keys.status', ...channelNames.map((n) => `api:${n}`)])

    const received: unknown[] = []
    const off = api.on('chat.stream', (...args: unknown[]) => received.push(args))
    const raw = listeners.get('event:chat.stream')
    expect(raw).toBeTypeOf('function')
    raw?.({ sender: 'the IpcRendererEvent must not reach the page' }, { type: 'delta' })
    expect(received).toEqual([[{ type: 'delta' }]])
    off()
    expect(listeners.has('event:chat.stream')).toBe(false)
    expect(() => api.on('app.secrets', () => {})).toThrow(/Unknown event/)
  })
})
