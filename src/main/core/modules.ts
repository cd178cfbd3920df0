/**
 * Every feature module, in the order their migrations first run on a new database
 * (a module whose tables refer to another's comes after it).
 *
 * Adding a feature: write core/<feature>/<feature>.module.ts and append it here.
 */
import { batchModule } from './batch/batch.module'
import { chatModule } from './chat/chat.module'
import { conversationsModule } from './conversations/conversations.module'
import { historyModule } from './history/history.module'
import { embeddingsModule } from './embeddings/embeddings.module'
import { fineTuningModule } from './fine-tuning/fine-tuning.module'
import { documentsModule } from './documents/documents.module'
import { keysModule } from './keys/keys.module'
import { linksModule } from './links/links.module'
import type { FeatureModule } from './module'
import { modelsModule } from './models/models.module'
import { presetsModule } from './presets/presets.module'
import { usageModule } from './usage/usage.module'
import { serverModule } from './server/server.module'

export const modules: readonly FeatureModule[] = [
  keysModule,
  modelsModule,
  conversationsModule,
  presetsModule,
  linksModule,
  chatModule,
  fineTuningModule,
  embeddingsModule,
  batchModule,
  usageModule,
  serverModule,
  historyModule,
  documentsModule,
]
