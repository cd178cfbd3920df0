/** Settings: for now the API key, whose status every other screen reads from key-store.ts. */
import type { Feature } from '../../shell/feature'
import { loadModels } from '../models/models-store'
import { loadKeyStatus } from './key-store'
import { SETTINGS_PATH } from './settings-paths'
import { SettingsView } from './SettingsView'

export const settingsFeature: Feature = {
  id: 'settings',
  routes: [{ id: 'settings', path: SETTINGS_PATH, screen: SettingsView }],
  nav: [{ label: 'Settings', routeId: 'settings', path: SETTINGS_PATH }],
  start: () => {
    void loadKeyStatus().then((status) => {
      // Listing models needs a key; without one the chat pane asks for it instead.
      if (status?.set) void loadModels()
    })
  },
}
