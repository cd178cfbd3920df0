/**
 * Electron entry and composition root: the only place that knows every concrete
 * adapter. It wires the core to safeStorage, electron-store and IPC, then opens the
 * hardened window on app://. All logic lives in core/ and runs without Electron.
 */
import { BrowserWindow, app, dialog, session } from 'electron'
import { join } from 'node:path'
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
import { createFileLogger, teeLogger } from './node/file-logger'
import { chooseSqliteBinding, devRendererUrl } from './node/dev-switches'

// Resolved in the entry chunk, so both are relative to out/main/index.js.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
const RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url))
// The project out/main/index.js was built in; app.getAppPath() would be out/main when Electron is given the file.
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

// Vite replaces import.meta.env.DEV at build time: true only under `electron-vite dev`, so
// the `electron-vite build` that `npm start` runs has the dev switches compiled out (see
// node/dev-switches.ts). `!app.isPackaged` would not do: it is true under `npm start` too.
const DEV_BUILD: boolean = import.meta.env.DEV
const DEV_URL = import.meta.env.DEV ? devRendererUrl(true, process.env.ELECTRON_RENDERER_URL) : null
const DEV_ORIGIN = DEV_URL ? new URL(DEV_URL).origin : null
const ENV_API_KEY = process.env.MISTRAL_API_KEY || undefined
// node_modules' better-sqlite3 is built for Node (tests and the browser host use it), so an
// unpackaged app loads the Electron-ABI build scripts/electron-sqlite.mjs caches in the
// project. A packaged app has electron-builder's in-place rebuild instead.
const SQLITE_BINDING = chooseSqliteBinding({
  packaged: app.isPackaged,
  devBuild: DEV_BUILD,
  root: PROJECT_ROOT,
  electronVersion: process.versions.electron,
  platform: process.platform,
  arch: process.arch,
  requested: import.meta.env.DEV ? process.env.MISTRAL_DESK_SQLITE_BINDING : undefined,
})

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
  const secrets = (): string[] => (ENV_API_KEY ? [ENV_API_KEY] : [])
  // Redacted and rotated in userData/logs, where a user can find them after a failure.
  const logger = teeLogger(
    createConsoleLogger(secrets),
    createFileLogger({ dir: join(app.getPath('userData'), 'logs'), secrets }),
  )
  logger.info('Mistral Desk started', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform })
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
