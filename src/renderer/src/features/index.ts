/**
 * Every screen feature, one line each. The shell shows their sidebar sections and nav
 * entries in this order and runs their start-up work in it; the first route of the first
 * feature is the start screen. A new feature is its folder plus one line here.
 */
import type { Feature } from '../shell/feature'
import { chatFeature } from './chat/chat.feature'
import { conversationsFeature } from './conversations/conversations.feature'
import { presetsFeature } from './presets/presets.feature'
import { searchFeature } from './search/search.feature'
import { settingsFeature } from './settings/settings.feature'
import { usageFeature } from './usage/usage.feature'

export const features: readonly Feature[] = [
  chatFeature,
  conversationsFeature,
  presetsFeature,
  searchFeature,
  settingsFeature,
  usageFeature,
]
