/**
 * The browser host's access token must reach the host and nothing else. Cookies are not
 * scoped by port, so a token in a cookie went to every web server on 127.0.0.1 the user
 * opened; with it, another local server could list every conversation and chat on the
 * user's key. Here a second local server records everything Chromium sends it, after the
 * app has been opened, used and reloaded in the same browser.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, saveKey, test } from './fixtures/app'

interface Seen {
  url: string
  rawHeaders: string[]
}

async function startRecorder(): Promise<{ server: Server; port: number; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((req: IncomingMessage, res) => {
    seen.push({ url: req.url ?? '', rawHeaders: req.rawHeaders })
    if (req.url === '/pixel.png') {
      res.writeHead(404)
      res.end()
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>Another local app</title><img src="/pixel.png"><script>fetch("/api", { credentials: "include" })</script>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port, seen }
}

test('another server on 127.0.0.1 never receives the token: no cookie, no header, no URL', async ({ page, host, sim }) => {
  // Five page loads in one test: give it room on a loaded machine.
  test.slow()
  const recorder = await startRecorder()
  try {
    // The app works: a key is checked through the host's socket.
    await saveKey(page, sim.key)
    await expect(page.getByText(`Key saved · ending in ${sim.key.slice(-4)}`)).toBeVisible()
    // The token left the address bar (history, bookmarks, screenshots) before the app read the hash.
    expect(page.url()).not.toContain(host.token)
    expect(page.url()).not.toContain('token')
    // A reload in the same tab keeps working without the token in the URL.
    // (The reload keeps the route, so Settings is still the screen showing.)
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    await expect(page.getByText(`Key saved · ending in ${sim.key.slice(-4)}`)).toBeVisible()

    for (const origin of [`http://127.0.0.1:${recorder.port}`, `http://localhost:${recorder.port}`]) {
      await page.goto(`${origin}/`)
      await expect(page).toHaveTitle('Another local app')
      await expect.poll(() => recorder.seen.filter((s) => s.url === '/api').length).toBeGreaterThan(0)
      recorder.seen.push({ url: '(marker)', rawHeaders: [] })
    }

    expect(recorder.seen.filter((s) => s.url === '/').length).toBe(2)
    for (const request of recorder.seen) {
      const names = request.rawHeaders.filter((_, i) => i % 2 === 0).map((n) => n.toLowerCase())
      expect(names, request.url).not.toContain('cookie')
      expect(request.rawHeaders.join('\n') + request.url, request.url).not.toContain(host.token)
    }
    expect(await page.context().cookies()).toEqual([])
  } finally {
    await new Promise((resolve) => recorder.server.close(resolve))
  }
})

test('assets are served without the token; the socket is refused without it', async ({ host, browser }) => {
  const origin = `http://127.0.0.1:${host.port}`
  const page = await (await browser.newContext()).newPage()
  const index = await page.goto(`${origin}/`)
  expect(index?.status()).toBe(200)
  // The page loads, but without the token its socket is refused and it says so.
  await expect(page.getByText(/Lost the connection to the app host/).first()).toBeVisible()
  await page.context().close()
})
