/**
 * Every feature module, in the order their migrations first run on a new database
 * (a module whose tables refer to another's comes after it).
 *
 * Adding a feature: write core/<feature>/<feature>.module.ts and append it here.
 */
import { chatModule } from './chat/chat.module'
import { conversationsModule } from './conversations/conversations.module'
import { keysModule } from './keys/keys.module'
import { linksModule } from './links/links.module'
import type { FeatureModule } from './module'
import { modelsModule } from './models/models.module'
import { presetsModule } from './presets/presets.module'
import { usageModule } from './usage/usage.module'

export const modules: readonly FeatureModule[] = [
  keysModule,
  modelsModule,
  conversationsModule,
  presetsModule,
  linksModule,
  chatModule,
  usageModule,
]
