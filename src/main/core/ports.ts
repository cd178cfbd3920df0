/**
 * What the core needs from its host. The Electron shell and the browser host each
 * provide these; nothing under core/ may import electron.
 */

/** Encrypts the API key at rest. Electron safeStorage in the app; absent in the browser host. */
export interface SecretCipher {
  /** safeStorage's backend name on Linux ("basic_text", "gnome_libsecret", ...), or the platform's keychain name. */
  readonly backend: string
  /** False when the "encryption" is a hard-coded password (Linux basic_text): then the key stays in memory unless the user opts in. */
  readonly isStrong: boolean
  encrypt(plain: string): Buffer
  decrypt(cipher: Buffer): string
}

/** Small JSON settings. electron-store in the app, Conf in Node. Never holds a secret in clear text. */
export interface SettingsStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

export interface Clock {
  now(): number
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void
  warn(message: string, data?: Record<string, unknown>): void
  error(message: string, data?: Record<string, unknown>): void
}

export interface CorePorts {
  /** Where SQLite and stored files live. Created if missing. */
  dataDir: string
  /** null where no OS keychain is reachable (browser host): keys then live in memory only. */
  cipher: SecretCipher | null
  settings: SettingsStore
  clock: Clock
  /** Base URL of the Mistral API, e.g. https://api.mistral.ai or the simulator's URL. */
  serverURL: string
  /** MISTRAL_API_KEY from the environment: honoured, never written anywhere. */
  envApiKey?: string
  logger: Logger
  /**
   * Path to a better_sqlite3.node to load instead of the one in node_modules. The copy
   * there is built for Node (the tests and the browser host use it); Electron in
   * development needs one built for its own ABI. Unset: better-sqlite3 finds its own.
   */
  sqliteNativeBinding?: string
  /**
   * Opens an https link in the system browser (Electron's shell.openExternal); resolves
   * false if the OS refused. Absent where the host cannot (links.open then says opened:false).
   */
  openExternal?: (url: string) => Promise<boolean>
}

export const systemClock: Clock = { now: () => Date.now() }
