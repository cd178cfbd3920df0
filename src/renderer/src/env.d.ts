/// <reference types="vite/client" />
import type { WindowApi } from '../../shared/contract'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser host, where ws-bridge.ts stands in. */
    api?: WindowApi
  }
}

export {}
