#!/usr/bin/env node
/**
 * `npm start`: build, then run the Electron app. Where Electron cannot start (its binary
 * is not downloaded and cannot be, there is no display, or better-sqlite3 cannot be had
 * for its ABI), say why in one line and open the browser host instead, so `npm start`
 * always ends with a usable app.
 * Extra arguments are passed through (e.g. `npm start -- --port 8080` for the browser host).
 *
 * node_modules/better-sqlite3 stays built for Node (the tests load it); Electron gets its
 * own build, made and cached by electron-sqlite.mjs under .tmp/electron-native/, where
 * the app finds it by its fixed path (src/main/node/dev-switches.ts). A binary built
 * elsewhere can be handed in with MISTRAL_DESK_SQLITE_BINDING: it is copied into that
 * cache, since the app itself loads no path named by the environment. When the app is
 * packaged (npm run dist), electron-builder rebuilds better-sqlite3 in place instead.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { adoptElectronSqliteBinding, electronSqliteBinding } from './electron-sqlite.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const ELECTRON_PKG = join(ROOT, 'node_modules/electron')
/** On a user's machine the lazy download takes a few seconds; offline it must not hang `npm start`. */
const DOWNLOAD_TIMEOUT_MS = 20_000
/** An Electron that dies this soon (missing libraries, no GPU, ...) never showed a window. */
const EARLY_EXIT_MS = 5_000

const args = process.argv.slice(2)
let fellBack = false

const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
})
if (build.status !== 0) process.exit(build.status ?? 1)

const launch = await electronLaunch()
if (launch.reason) fallBack(launch.reason)
else runElectron(launch.executable, launch.env)

/** What Electron needs to start, or why it cannot: the cheap checks come before the slow build. */
async function electronLaunch() {
  const binary = await electronBinary()
  if (!binary.path) return { reason: binary.reason }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display: DISPLAY and WAYLAND_DISPLAY are unset' }
  }
  // One set by hand wins, e.g. a binary built elsewhere for an offline machine.
  const sqlite = process.env.MISTRAL_DESK_SQLITE_BINDING
    ? adoptElectronSqliteBinding(ROOT, process.env.MISTRAL_DESK_SQLITE_BINDING)
    : electronSqliteBinding(ROOT, binary.path)
  if (!sqlite.path) return { reason: sqlite.reason }
  // The built app reads neither dev switch; don't hand them on as if it did.
  const { MISTRAL_DESK_SQLITE_BINDING: _binding, ELECTRON_RENDERER_URL: _devUrl, ...env } = process.env
  return { executable: binary.path, env }
}

/** The executable `require('electron')` would return, downloading it first if needed, without blocking forever. */
async function electronBinary() {
  const local = installedBinary()
  if (local) return { path: local }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: 'its binary is not downloaded' }
  const install = spawn(process.execPath, [join(ELECTRON_PKG, 'install.js')], { cwd: ELECTRON_PKG, stdio: 'ignore' })
  const outcome = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      install.kill('SIGKILL')
      resolve('timed out')
    }, DOWNLOAD_TIMEOUT_MS)
    install.once('error', () => resolve('failed'))
    install.once('exit', (code) => {
      clearTimeout(timer)
      resolve(code === 0 ? 'ok' : 'failed')
    })
  })
  const downloaded = installedBinary()
  if (downloaded) return { path: downloaded }
  return { reason: `its binary is not downloaded and the download ${outcome === 'ok' ? 'left no executable' : outcome}` }
}

function installedBinary() {
  const pathFile = join(ELECTRON_PKG, 'path.txt')
  if (!existsSync(pathFile)) return null
  const executable = join(ELECTRON_PKG, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(executable) ? executable : null
}

function runElectron(executable, env) {
  const startedAt = Date.now()
  const electron = spawn(executable, ['.', ...args], { cwd: ROOT, env, stdio: 'inherit' })
  forwardSignals(electron)
  electron.once('error', (err) => fallBack(`it failed to launch: ${err.message}`))
  electron.once('exit', (code, signal) => {
    if (code !== 0 && signal === null && Date.now() - startedAt < EARLY_EXIT_MS) {
      fallBack(`it exited with code ${code} right after launch`)
    } else {
      process.exit(code ?? 0)
    }
  })
}

function fallBack(reason) {
  // A failed spawn may report both 'error' and 'exit'.
  if (fellBack) return
  fellBack = true
  console.log(`Electron could not start (${reason}); opening the browser host instead.`)
  const host = spawn(process.execPath, [join(ROOT, 'out/main/web.js'), ...args], { cwd: ROOT, stdio: 'inherit' })
  forwardSignals(host)
  host.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

/**
 * Ctrl+C already reaches the child (same process group), and the browser host reads a
 * second SIGINT as "quit now", so SIGINT is passed on only if the child is still running
 * after a grace period (it was sent to us alone). SIGTERM reaches only us: pass it on.
 */
function forwardSignals(child) {
  process.on('SIGINT', () => {
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    }, 1_500).unref()
  })
  process.on('SIGTERM', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  })
}
