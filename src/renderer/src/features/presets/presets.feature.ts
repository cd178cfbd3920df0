/** Presets: named starting points for new chats, picked in the sidebar and saved from a chat's settings. */
import type { Feature } from '../../shell/feature'
import { PresetPicker } from './PresetPicker'
import { loadPresets } from './presets-store'

export const presetsFeature: Feature = {
  id: 'presets',
  sidebar: [{ id: 'presets.picker', place: 'top', component: PresetPicker }],
  start: () => void loadPresets(),
}
