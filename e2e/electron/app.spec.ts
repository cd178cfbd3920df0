/**
 * The real Electron app, launched by Playwright. Runs wherever the Electron binary has
 * been downloaded; elsewhere (our build and CI machines) every test is reported as
 * skipped with the reason. Needs `npm run build` first.
 */
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { electronSqliteBinding } from '../../scripts/electron-sqlite.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const MAIN_BUNDLE = join(ROOT, 'out/main/index.js')

/** The path `require('electron')` would return, without triggering its lazy download. */
function electronBinary(): { path: string } | { missing: string } {
  const pkg = join(ROOT, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { missing: 'node_modules/electron/path.txt is absent' }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` }
}

const binary = electronBinary()
test.skip('missing' in binary, `Electron binary not downloaded on this machine (${'missing' in binary ? binary.missing : ''})`)

type PageApi = { invoke(channel: string, input: unknown): Promise<{ ok: boolean }>; on: unknown }

test.describe('Electron app', () => {
  let app: ElectronApplication
  let userData: string

  test.beforeAll(async () => {
    if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run npm run build first.`)
    if (!('path' in binary)) return
    // better-sqlite3 in node_modules is built for Node's ABI; Electron needs its own build.
    const sqlite = electronSqliteBinding(ROOT, binary.path)
    if ('reason' in sqlite) throw new Error(sqlite.reason)
    userData = mkdtempSync(join(tmpdir(), 'mdesk-electron-e2e-'))
    app = await electron.launch({
      executablePath: binary.path,
      args: [MAIN_BUNDLE],
      cwd: ROOT,
      env: {
        ...process.env,
        MISTRAL_DESK_USER_DATA: userData,
        MISTRAL_DESK_SQLITE_BINDING: sqlite.path,
        // Nothing listens there: the window must come up without the network.
        MISTRAL_SERVER_URL: 'http://127.0.0.1:9',
        MISTRAL_API_KEY: 'electronE2eKey0123456789abcdefAB',
      },
    })
  })

  test.afterAll(async () => {
    await app?.close()
    if (userData) rmSync(userData, { recursive: true, force: true })
  })

  test('shows the chat composer from app://', async () => {
    const page = await app.firstWindow()
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible()
    expect(page.url()).toBe('app://renderer/index.html')
  })

  test('exposes window.api and nothing of Node', async () => {
    const page = await app.firstWindow()
    const globals = await page.evaluate(() => {
      const w = window as unknown as { api?: PageApi; require?: unknown; process?: unknown; module?: unknown }
      return {
        api: typeof w.api,
        apiKeys: w.api ? Object.keys(w.api).sort() : [],
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
      }
    })
    expect(globals).toEqual({ api: 'object', apiKeys: ['invoke', 'on'], require: 'undefined', process: 'undefined', module: 'undefined' })
    const status = await page.evaluate(() => (window as unknown as { api: PageApi }).api.invoke('keys.status', {}))
    expect(status.ok).toBe(true)
  })
})
