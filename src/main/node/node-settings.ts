/**
 * node/: plain Node, used by both hosts; never imports electron.
 *
 * SettingsStore over Conf. The browser host uses Conf directly; electron-store is a
 * Conf subclass, so the Electron shell wraps its store with the same adapter.
 */
import Conf from 'conf'
import type { SettingsStore } from '../core/ports'

/** Options both hosts want from Conf. */
export const CONF_OPTIONS = {
  configName: 'settings',
  // Keys like "keys.persisted" are flat names, not paths into nested objects.
  accessPropertiesByDotNotation: false,
  // Settings are small preferences: a corrupt file should reset them, not stop the app.
  clearInvalidConfig: true,
  // Owner-only: the file may hold safeStorage ciphertext of the key.
  configFileMode: 0o600,
} as const

type AnyConf = Conf<Record<string, unknown>>

export function confSettingsStore(conf: AnyConf): SettingsStore {
  return {
    get: (key) => conf.get(key),
    // Conf throws on undefined values; storing "nothing" means deleting the key.
    set: (key, value) => (value === undefined ? conf.delete(key) : conf.set(key, value)),
    delete: (key) => conf.delete(key),
  }
}

export function createNodeSettings(dataDir: string): SettingsStore {
  return confSettingsStore(new Conf<Record<string, unknown>>({ cwd: dataDir, ...CONF_OPTIONS }))
}
