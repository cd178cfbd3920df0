/** What the renderer may know about the stored key: never the key itself. */
export interface KeyStatus {
  set: boolean
  last4: string | null
  /** Where the key lives: OS keychain, this session's memory only, or the environment. */
  source: 'keychain' | 'memory' | 'env' | null
  /** Electron safeStorage backend on Linux ("basic_text", "gnome_libsecret", ...), or "none". */
  backend: string
  /** True when the OS offers no real encryption, so the key is kept in memory unless the user opts in. */
  weakEncryption: boolean
}
