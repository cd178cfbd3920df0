/**
 * Check 5: packaging, without packaging. The Electron binary cannot be downloaded here,
 * so `npm run dist` cannot run in CI; what can be checked is checked: electron-builder.yml
 * against electron-builder's own JSON schema, the targets and icon, that native modules
 * are rebuilt only at packaging time, and the fuses, flipped by the real afterPack code on
 * a stand-in binary carrying Electron's fuse wire and read back with @electron/fuses.
 */
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { Ajv } from 'ajv'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { applyFuses, packagedElectronPath } from '../../scripts/electron-fuses.mjs'
import { REPO_ROOT } from './build-output'

const config = parse(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string }
  mac: { target: string[]; icon: string }
  win: { target: string[]; icon: string }
}
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}
const installed = (name: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
    version: string
    engines?: { node?: string }
    dependencies?: Record<string, string>
  }

/** True when `range` is a plain ">=X.Y.Z" that this Node satisfies; anything fancier fails loudly. */
function nodeSatisfies(range: string): boolean {
  const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim())
  if (!match) throw new Error(`unexpected engines range "${range}"`)
  const want = match.slice(1).map(Number)
  const have = process.versions.node.split('.').map(Number)
  for (let i = 0; i < 3; i++) if ((have[i] as number) !== want[i]) return (have[i] as number) > (want[i] as number)
  return true
}

/** The fuse wire's bytes: ASCII '0' and '1' (@electron/fuses keeps this enum private). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const

const temp: string[] = []
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true })
})

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's schema", () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(schema)
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('builds AppImage and deb, dmg, and nsis, each with the 512x512 icon from resources/', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    for (const platform of [config.linux, config.mac, config.win]) {
      expect(platform.icon).toBe('resources/icon.png')
      const png = readFileSync(join(REPO_ROOT, platform.icon))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512])
    }
  })

  it('packages the built app in an asar, with the SQLite addon unpacked and the fuse hook set', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.files).toContain('out/**/*')
    expect(config.afterPack).toBe('./scripts/electron-fuses.mjs')
    expect(existsSync(join(REPO_ROOT, 'scripts/electron-fuses.mjs'))).toBe(true)
  })
})

describe('native modules and the toolchain', () => {
  it('rebuilds native modules only when packaging, never on install', () => {
    expect(config.npmRebuild).toBe(true)
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts[hook] ?? '', hook).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild|electron-builder/)
    }
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder')
  })

  it('keeps electron a devDependency, as electron-builder requires, and pins exact versions', () => {
    expect(pkg.dependencies.electron).toBeUndefined()
    for (const name of ['electron', 'electron-builder', '@electron/fuses']) expect(pkg.devDependencies[name], name).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('runs on this Node: electron-builder and the @electron/rebuild it packages with (3, not 4, which needs Node 22)', () => {
    for (const name of ['electron-builder', 'app-builder-lib', '@electron/rebuild', '@electron/fuses']) {
      const engines = installed(name).engines?.node
      if (engines) expect(nodeSatisfies(engines), `${name} ${installed(name).version} wants Node ${engines}`).toBe(true)
    }
    expect(installed('@electron/rebuild').version).toMatch(/^3\./)
  })
})

describe('fuses (scripts/electron-fuses.mjs)', () => {
  /** A stand-in for the Electron binary: its fuse wire as Electron 45 ships it, inside other bytes. */
  function fakeElectron(): string {
    const dir = mkdtempSync(join(tmpdir(), 'mdesk-fuses-'))
    temp.push(dir)
    const file = join(dir, 'mistral-desk')
    // RunAsNode, CookieEncryption, NodeOptions, Inspect, AsarIntegrity, OnlyAsar, V8Snapshot, FileProtocol
    const shipped = '10110001'
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.alloc(4096, 0x7f),
        Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'),
        Buffer.from([1, shipped.length]),
        Buffer.from(shipped, 'latin1'),
        Buffer.alloc(4096, 0x7f),
      ]),
    )
    return file
  }

  it('flips each fuse the issue asks for, and reads them back from the binary', async () => {
    const binary = fakeElectron()
    await applyFuses(binary, { platform: 'linux', arch: 1 })
    const wire = await getCurrentFuseWire(binary)
    expect({
      RunAsNode: wire[FuseV1Options.RunAsNode],
      EnableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      EnableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      EnableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
      EnableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      OnlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      GrantFileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      // Not ours to decide: left as shipped.
      LoadBrowserProcessSpecificV8Snapshot: wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
    }).toEqual({
      RunAsNode: FuseState.DISABLE,
      EnableCookieEncryption: FuseState.ENABLE,
      EnableNodeOptionsEnvironmentVariable: FuseState.DISABLE,
      EnableNodeCliInspectArguments: FuseState.DISABLE,
      EnableEmbeddedAsarIntegrityValidation: FuseState.ENABLE,
      OnlyLoadAppFromAsar: FuseState.ENABLE,
      GrantFileProtocolExtraPrivileges: FuseState.DISABLE,
      LoadBrowserProcessSpecificV8Snapshot: FuseState.DISABLE,
    })
  })

  it('finds the binary electron-builder packed on each platform', () => {
    const packager = { appInfo: { productFilename: 'Mistral Desk' }, executableName: 'mistral-desk' }
    expect(packagedElectronPath({ appOutDir: '/o', electronPlatformName: 'linux', packager })).toBe('/o/mistral-desk')
    expect(packagedElectronPath({ appOutDir: '/o', electronPlatformName: 'win32', packager })).toBe('/o/Mistral Desk.exe')
    expect(packagedElectronPath({ appOutDir: '/o', electronPlatformName: 'darwin', packager })).toBe('/o/Mistral Desk.app')
  })
})
