/**
 * The app window and the rules every webContents lives by. Every BrowserWindow takes
 * its webPreferences from hardenedWebPreferences(); a static test scans for that.
 */
import { BrowserWindow, type WebContents, type WebPreferences } from 'electron'
import { APP_ENTRY_URL, isTrustedRendererUrl } from './app-protocol'
import { openExternalIfAllowed } from './external-links'

/** The Electron security checklist's settings, spelled out even where they are defaults, so a default change cannot weaken them. */
export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    preload: preloadPath,
  }
}

export interface MainWindowOptions {
  preloadPath: string
  /** electron-vite's dev server URL in development, else null to load app://. */
  devUrl: string | null
}

export function createMainWindow({ preloadPath, devUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Mistral Desk',
    webPreferences: hardenedWebPreferences(preloadPath),
  })
  // Showing after the first paint avoids a white flash.
  window.once('ready-to-show', () => window.show())
  void window.loadURL(devUrl ?? APP_ENTRY_URL)
  return window
}

/**
 * Applied to every webContents the app creates (app 'web-contents-created'), so a
 * window added later cannot forget it: no navigation away from our pages, no popups,
 * no <webview>. Allow-listed https links go to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, devOrigin: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedRendererUrl(url, devOrigin)) return
    event.preventDefault()
    // A clicked link: the user meant to open it, so hand allow-listed ones to the browser.
    openExternalIfAllowed(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedRendererUrl(url, devOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url)
    return { action: 'deny' }
  })
}
