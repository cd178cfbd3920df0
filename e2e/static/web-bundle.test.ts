/**
 * Check 4: the built browser host starts in plain Node, prints exactly its ready line
 * on stdout, serves the renderer behind the token, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { RENDERER_INDEX, WEB_BUNDLE, requireBuilt } from './build-output'

const READY = /^Mistral Desk \(browser host\) ready at (http:\/\/127\.0\.0\.1:\d+\/#token=(\w+))$/
const ENV_KEY = 'webEnvKey0123456789abcdefABCDEF77'

let dataDir: string
let child: ChildProcess
let stdout = ''
let stderr = ''
let url: string

beforeAll(async () => {
  requireBuilt(WEB_BUNDLE)
  dataDir = mkdtempSync(join(tmpdir(), 'mdesk-static-web-'))
  child = spawn(process.execPath, [WEB_BUNDLE, '--port', '0', '--data-dir', dataDir, '--server-url', 'http://127.0.0.1:9'], {
    env: { ...process.env, MISTRAL_API_KEY: ENV_KEY },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${stdout}${stderr}`)), 20_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = READY.exec(stdout.split('\n')[0] ?? '')
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${stdout}${stderr}`)))
  })
})

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGKILL')
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

describe('built browser host', () => {
  it('serves the renderer without a cookie, and its socket only with the token from the fragment', async () => {
    // fetch() drops the fragment, as a browser does: the page itself needs no token.
    const page = await fetch(url)
    expect(page.status).toBe(existsSync(RENDERER_INDEX) ? 200 : 404)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('set-cookie')).toBeNull()
    const token = new URL(url).hash.replace('#token=', '')
    const origin = new URL(url).origin
    const upgrade = (protocols: string[]) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, protocols, { origin })
        ws.once('open', () => {
          ws.close()
          resolve('open')
        })
        ws.once('unexpected-response', (_req, res) => resolve(String(res.statusCode)))
        ws.once('error', () => resolve('error'))
      })
    expect(await upgrade(['mdesk.v1'])).toBe('403')
    expect(await upgrade(['mdesk.v1', `mdesk.token.${token}`])).toBe('open')
  })

  it('stops on SIGTERM, having printed only the ready line and never the key', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(stdout + stderr).not.toContain(ENV_KEY)
    // The same lines, redacted, in the data directory; never the token.
    const log = readFileSync(join(dataDir, 'logs', 'main.log'), 'utf8')
    expect(log).toMatch(/info: Browser host listening/)
    expect(log).not.toContain(ENV_KEY)
    expect(log).not.toContain(new URL(url).hash.replace('#token=', ''))
  })
})
