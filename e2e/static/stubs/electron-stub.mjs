// A stand-in for the 'electron' module, so the built main bundle can run in plain Node
// where the Electron binary cannot be downloaded. It records what the app does
// (window options, IPC channels, protocol handler, permission handlers), then probes
// those handlers the way Chromium would call them and prints one JSON line per finding:
//   STUB_WINDOW_CREATED {...webPreferences}   STUB_WINDOW_LOADED {url}
//   STUB_PROBES {...}                         STUB_QUIT {}
// and exits. Markers go to stdout; the test parses them.
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setImmediate } from 'node:timers'

// The main process reads Electron's version to find its SQLite addon; plain Node has none.
const electronVersion = JSON.parse(readFileSync(new URL('../../../node_modules/electron/package.json', import.meta.url), 'utf8')).version
Object.defineProperty(process.versions, 'electron', { value: electronVersion, enumerable: true })

const report = (tag, data) => process.stdout.write(`${tag} ${JSON.stringify(data)}\n`)

const paths = { userData: mkdtempSync(join(tmpdir(), 'mdesk-stub-userdata-')) }
const ipcHandlers = new Map()
const protocolHandlers = new Map()
const privilegedSchemes = []
const openedExternally = []
let permissionRequest = null
let permissionCheck = null

class App extends EventEmitter {
  isPackaged = false
  whenReady() {
    return new Promise((resolve) => setImmediate(resolve))
  }
  getPath(name) {
    return paths[name] ?? join(paths.userData, name)
  }
  setPath(name, value) {
    paths[name] = value
  }
  getVersion() {
    return '0.0.0-stub'
  }
  getName() {
    return 'mistral-desk-stub'
  }
  requestSingleInstanceLock() {
    return true
  }
  quit() {
    this.emit('before-quit', { preventDefault() {} })
    this.emit('will-quit', { preventDefault() {} })
    report('STUB_QUIT', {})
    process.exit(0)
  }
  exit(code = 0) {
    report('STUB_EXIT', { code })
    process.exit(code)
  }
}
export const app = new App()

export const ipcMain = {
  handle(channel, handler) {
    if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    ipcHandlers.set(channel, handler)
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel)
  },
  on() {}, // electron-store registers a sync data listener.
  once() {},
}

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    privilegedSchemes.push(...schemes)
  },
  handle(scheme, handler) {
    protocolHandlers.set(scheme, handler)
  },
}

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler) {
      permissionRequest = handler
    },
    setPermissionCheckHandler(handler) {
      permissionCheck = handler
    },
  },
}

// Reports basic_text, as on a Linux box without a keyring: the weakest case the app must handle.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString: (plain) => Buffer.from(`stub:${Buffer.from(plain).toString('base64')}`),
  decryptString: (cipher) => Buffer.from(cipher.toString().slice(5), 'base64').toString(),
}

export const shell = {
  async openExternal(url) {
    openedExternally.push(url)
  },
}

export const dialog = {
  showErrorBox(title, content) {
    report('STUB_ERROR_BOX', { title, content })
  },
}

class WebContents extends EventEmitter {
  destroyed = false
  windowOpenHandler = null
  sent = []
  mainFrame = { url: 'app://renderer/index.html', parent: null }
  isDestroyed() {
    return this.destroyed
  }
  send(channel, payload) {
    this.sent.push({ channel, payload })
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  destroy() {
    this.destroyed = true
    this.emit('destroyed')
  }
}

const windows = []

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed)
  }
  destroyed = false
  constructor(options = {}) {
    super()
    this.options = options
    this.webContents = new WebContents()
    windows.push(this)
    // Real Electron announces every new webContents on the app before the page loads.
    app.emit('web-contents-created', {}, this.webContents)
    report('STUB_WINDOW_CREATED', options.webPreferences ?? null)
  }
  async loadURL(url) {
    report('STUB_WINDOW_LOADED', { url })
    this.emit('ready-to-show')
    setImmediate(() => runProbes(this).catch((err) => report('STUB_PROBE_FAILED', { error: String(err?.stack ?? err) })))
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false
  }
  isDestroyed() {
    return this.destroyed
  }
}

/** Calls what the app registered, as Chromium and the renderer would, and reports the outcomes. */
async function runProbes(window) {
  const contents = window.webContents
  const invoke = async (channel, input, frame) => {
    const handler = ipcHandlers.get(channel)
    if (!handler) return { missing: true }
    try {
      return { value: await handler({ sender: contents, senderFrame: frame }, input) }
    } catch (err) {
      return { rejected: true, message: String(err?.message ?? err) }
    }
  }
  const top = { url: 'app://renderer/index.html', parent: null }
  const fetchApp = async (url) => {
    const handler = protocolHandlers.get('app')
    if (!handler) return { missing: true }
    const res = await handler(new globalThis.Request(url))
    return {
      status: res.status,
      csp: res.headers.get('content-security-policy'),
      nosniff: res.headers.get('x-content-type-options'),
      contentType: res.headers.get('content-type'),
      body: (await res.text()).slice(0, 200),
    }
  }
  const navigate = (eventName, url) => {
    let prevented = false
    contents.emit(eventName, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  const ask = (handler, ...args) =>
    new Promise((resolve) => {
      if (!handler) resolve('missing')
      else handler(contents, ...args, resolve, { requestingUrl: 'app://renderer/index.html' })
    })

  const probes = {
    privilegedSchemes,
    ipcChannels: [...ipcHandlers.keys()],
    keysStatusFromApp: await invoke('api:keys.status', {}, top),
    keysStatusFromForeignPage: await invoke('api:keys.status', {}, { url: 'https://evil.example/', parent: null }),
    keysStatusFromIframe: await invoke('api:keys.status', {}, { url: 'app://renderer/index.html', parent: top }),
    keysStatusWithoutFrame: await invoke('api:keys.status', {}, null),
    invalidInput: await invoke('api:keys.set', { key: 42 }, top),
    appIndex: await fetchApp('app://renderer/index.html'),
    appTraversal: await fetchApp('app://renderer/..%2f..%2fpackage.json'),
    appOtherHost: await fetchApp('app://other/index.html'),
    navigateAwayPrevented: navigate('will-navigate', 'https://evil.example/'),
    navigateToDocsPrevented: navigate('will-navigate', 'https://docs.mistral.ai/'),
    navigateInAppPrevented: navigate('will-navigate', 'app://renderer/index.html'),
    redirectAwayPrevented: navigate('will-redirect', 'http://evil.example/'),
    windowOpenForeign: contents.windowOpenHandler?.({ url: 'https://evil.example/' }) ?? 'missing',
    windowOpenDocs: contents.windowOpenHandler?.({ url: 'https://console.mistral.ai/api-keys' }) ?? 'missing',
    windowOpenFileUrl: contents.windowOpenHandler?.({ url: 'file:///etc/passwd' }) ?? 'missing',
    openedExternally,
    permissionMedia: await ask(permissionRequest, 'media'),
    permissionCheckGeolocation: permissionCheck
      ? permissionCheck(contents, 'geolocation', 'app://renderer/', {})
      : 'missing',
  }
  report('STUB_PROBES', probes)
  window.destroyed = true
  contents.destroy()
  app.emit('window-all-closed')
  // On macOS the app stays alive without windows; quit explicitly so the run ends everywhere.
  app.quit()
}

export const contextBridge = {
  exposeInMainWorld() {
    throw new Error('contextBridge is preload-only')
  },
}
export const ipcRenderer = new EventEmitter()

export default {
  app,
  ipcMain,
  protocol,
  session,
  safeStorage,
  shell,
  dialog,
  BrowserWindow,
  contextBridge,
  ipcRenderer,
}
