/**
 * Settings in electron-store, under userData. It imports 'electron', hence this folder;
 * the adapter itself is shared with the browser host's Conf store.
 */
import Store from 'electron-store'
import type { SettingsStore } from '../core/ports'
import { CONF_OPTIONS, confSettingsStore } from '../node/node-settings'

export function createElectronSettings(): SettingsStore {
  const { configName, ...options } = CONF_OPTIONS
  return confSettingsStore(new Store<Record<string, unknown>>({ name: configName, ...options }))
}
