/**
 * Entry of the browser host (out/main/web.js): plain Node, no Electron.
 *   node out/main/web.js [--port P] [--data-dir D] [--server-url URL] [--open-token T]
 * Prints exactly one line on stdout, the URL to open (tests parse it); logs go to stderr.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { redact } from '../core/kernel/keys/redact'
import { startWebHost } from './server'

const DEFAULT_SERVER_URL = 'https://api.mistral.ai'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'server-url': { type: 'string' },
      'open-token': { type: 'string' },
    },
    strict: true,
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Invalid --port "${values.port}".`)
  const token = values['open-token']
  // The token travels in a URL fragment and a Sec-WebSocket-Protocol value (token characters only), and tests match it with \w+.
  if (token !== undefined && !/^\w{16,128}$/.test(token)) {
    throw new Error('--open-token must be 16-128 letters, digits or underscores.')
  }

  const host = await startWebHost({
    port,
    dataDir: values['data-dir'] ?? join(homedir(), '.mistral-desk-web'),
    serverURL: values['server-url'] ?? process.env.MISTRAL_SERVER_URL ?? DEFAULT_SERVER_URL,
    envApiKey: process.env.MISTRAL_API_KEY,
    // Resolved here, in the entry chunk, so the path is relative to out/main/web.js.
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    token,
  })
  process.stdout.write(`Mistral Desk (browser host) ready at ${host.url}\n`)

  let stopping = false
  const stop = (): void => {
    if (stopping) process.exit(1) // A second Ctrl+C means "now".
    stopping = true
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  // Start-up errors can come from the core (e.g. opening the database): redact like any log line.
  const message = redact(err instanceof Error ? err.message : String(err), process.env.MISTRAL_API_KEY)
  process.stderr.write(`Mistral Desk (browser host) could not start: ${message}\n`)
  process.exit(1)
})
