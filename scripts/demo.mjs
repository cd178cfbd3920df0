#!/usr/bin/env node
/**
 * `npm run demo`: the app against the Mistral simulator, no account needed. Builds, starts
 * the simulator on a free port with a throwaway key, then the browser host pointed at it
 * with that key in MISTRAL_API_KEY (honoured, never stored), and prints the URL to open.
 * Ctrl+C stops both. Data lives in .tmp/demo-data (git-ignored), kept between runs.
 * Extra arguments go to the browser host (e.g. `npm run demo -- --port 8080`).
 */
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DATA_DIR = join(ROOT, '.tmp/demo-data')
const START_TIMEOUT_MS = 30_000
/** Tokens per second: slow enough to watch the reply stream in. */
const SIM_RATE = '40'

const children = []
let stopping = false

const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)

process.on('SIGINT', () => stop(0, false))
process.on('SIGTERM', () => stop(0, true))

try {
  const key = `demo${randomBytes(14).toString('hex')}`
  const port = await freePort()
  const sim = start('simulator', process.execPath, [
    join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    join(ROOT, 'e2e/mistral-sim/cli.ts'),
    ...['--port', String(port), '--key', key, '--rate', SIM_RATE],
  ])
  const simUrl = (await waitForLine(sim, /listening on (http:\/\/\S+)/))[1]

  mkdirSync(DATA_DIR, { recursive: true })
  const host = start(
    'browser host',
    process.execPath,
    [join(ROOT, 'out/main/web.js'), '--data-dir', DATA_DIR, '--server-url', simUrl, ...process.argv.slice(2)],
    { MISTRAL_API_KEY: key },
  )
  const url = (await waitForLine(host, /ready at (http:\/\/\S+)/))[1]
  console.log(`\nMistral Desk demo (simulated Mistral API at ${simUrl})\nOpen ${url}\nPress Ctrl+C to stop.\n`)
} catch (err) {
  console.error(`Demo could not start: ${err instanceof Error ? err.message : String(err)}`)
  stop(1, true)
}

function start(name, command, args, env = {}) {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  child.label = name
  children.push(child)
  child.once('exit', (code, signal) => {
    if (!stopping) {
      console.error(`The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).`)
      stop(1, true)
    }
  })
  return child
}

/** Resolves with the first stdout line matching `pattern`; the child's output is echoed as it comes. */
function waitForLine(child, pattern) {
  return new Promise((resolve, reject) => {
    let buffered = ''
    const timer = setTimeout(() => reject(new Error(`the ${child.label} did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS)
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      buffered += chunk.toString()
      const match = pattern.exec(buffered)
      if (match) {
        clearTimeout(timer)
        resolve(match)
      }
    })
    child.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`the ${child.label} exited before it was ready`))
    })
  })
}

/** Asks the OS for a free port, then releases it for the simulator. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Ctrl+C has already reached the children (same process group); a SIGTERM, or a failure,
 * reached only us, so they are told now. Anything still running after a grace period is killed.
 */
function stop(code, signalChildren) {
  if (stopping) return
  stopping = true
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null)
  if (signalChildren) for (const child of running) child.kill('SIGTERM')
  const exits = running.map((child) => new Promise((resolve) => child.once('exit', resolve)))
  const force = setTimeout(() => {
    for (const child of running) if (child.exitCode === null) child.kill('SIGKILL')
  }, 5_000)
  const nudge = setTimeout(() => {
    // If Ctrl+C was sent to this process alone, the children never saw it.
    if (!signalChildren) for (const child of running) if (child.exitCode === null) child.kill('SIGTERM')
  }, 1_500)
  Promise.all(exits).then(() => {
    clearTimeout(force)
    clearTimeout(nudge)
    process.exit(code)
  })
}
