/**
 * Electron entry and composition root: the only place that knows every concrete
 * adapter. It wires the core to safeStorage, electron-store and IPC, then opens the
 * hardened window on app://. All logic lives in core/ and runs without Electron.
 */
import { BrowserWindow, app, dialog, session } from 'electron'
import { fileURLToPath } from 'node:url'
import { createCore } from './core/create-core'
import { redact } from './core/kernel/keys/redact'
import { systemClock } from './core/ports'
import { registerAppScheme, serveRenderer } from './electron/app-protocol'
import { openUserLink } from './electron/external-links'
import { registerIpc } from './electron/ipc'
import { createSafeStorageCipher } from './electron/secrets'
import { lockDownSession } from './electron/session-policy'
import { createElectronSettings } from './electron/settings'
import { createMainWindow, hardenWebContents } from './electron/window'
import { createConsoleLogger } from './node/console-logger'

// Resolved in the entry chunk, so both are relative to out/main/index.js.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url))

// electron-vite dev sets this; a packaged app must never load a page named by the environment.
const DEV_URL = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL || null : null
const DEV_ORIGIN = DEV_URL ? new URL(DEV_URL).origin : null
const ENV_API_KEY = process.env.MISTRAL_API_KEY || undefined
// node_modules' better-sqlite3 is built for Node (tests and the browser host use it), so
// in development scripts/start.mjs builds one for Electron's ABI and names it here. A
// packaged app ignores this: electron-builder's install-app-deps rebuilds it in place.
const SQLITE_BINDING = !app.isPackaged ? process.env.MISTRAL_DESK_SQLITE_BINDING || undefined : undefined

// Lets tests and side-by-side profiles use their own data directory; must precede 'ready'.
if (process.env.MISTRAL_DESK_USER_DATA) app.setPath('userData', process.env.MISTRAL_DESK_USER_DATA)
registerAppScheme()

// Two instances would share one SQLite database and settings file: focus the first instead.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, DEV_ORIGIN))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.whenReady().then(onReady, fatal).catch(fatal)
}

function onReady(): void {
  const logger = createConsoleLogger(() => (ENV_API_KEY ? [ENV_API_KEY] : []))
  const core = createCore({
    dataDir: app.getPath('userData'),
    cipher: createSafeStorageCipher(),
    settings: createElectronSettings(),
    clock: systemClock,
    serverURL: process.env.MISTRAL_SERVER_URL ?? 'https://api.mistral.ai',
    envApiKey: ENV_API_KEY,
    logger,
    sqliteNativeBinding: SQLITE_BINDING,
    openExternal: openUserLink,
  })
  const unregisterIpc = registerIpc(core, DEV_ORIGIN, logger)
  lockDownSession(session.defaultSession, DEV_ORIGIN)
  serveRenderer(RENDERER_DIR)

  const openWindow = (): BrowserWindow => createMainWindow({ preloadPath: PRELOAD_PATH, devUrl: DEV_URL })
  let mainWindow = openWindow()
  app.on('second-instance', () => {
    if (mainWindow.isDestroyed()) mainWindow = openWindow()
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // macOS keeps the app alive without windows; the dock icon reopens one.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = openWindow()
  })
  // will-quit comes after every window closed, so their streams were aborted via onClose first.
  app.once('will-quit', () => {
    unregisterIpc()
    core.close()
  })
}

function fatal(err: unknown): void {
  const message = redact(err instanceof Error ? (err.stack ?? err.message) : String(err), ENV_API_KEY)
  process.stderr.write(`Mistral Desk could not start: ${message}\n`)
  dialog.showErrorBox('Mistral Desk could not start', message)
  app.exit(1)
}
