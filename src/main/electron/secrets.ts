/**
 * The key's encryption at rest, via Electron safeStorage. Call after app 'ready':
 * before it, Linux reports encryption as unavailable.
 */
import { safeStorage } from 'electron'
import type { SecretCipher } from '../core/ports'

/**
 * null when the OS offers no encryption at all: the core then keeps a typed key in
 * memory for the session, exactly as in the browser host.
 */
export function createSafeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  const backend = backendName()
  return {
    backend,
    // basic_text "encrypts" with a password hard-coded in Chromium: no better than clear
    // text, so the core keeps the key in memory unless the user explicitly opts in.
    isStrong: backend !== 'basic_text' && backend !== 'unknown',
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  }
}

function backendName(): string {
  switch (process.platform) {
    case 'linux':
      return safeStorage.getSelectedStorageBackend()
    case 'darwin':
      return 'keychain'
    case 'win32':
      return 'dpapi'
    default:
      return 'unknown'
  }
}
