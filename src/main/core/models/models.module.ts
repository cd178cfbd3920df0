/** The models the key can use, saved per key for offline use; pin advice; the account's fine-tuned models. */
import catalog from '../../../../resources/model-catalog.json' with { type: 'json' }
import type { FeatureModule } from '../module'
import { catalogPrices } from './catalog-prices'
import * as m001 from './migrations/001-models-cache'
import { ModelsCacheRepo } from './models-cache-repo'
import { ModelsService } from './models-service'

export const modelsModule: FeatureModule = {
  name: 'models',
  migrations: [m001],
  create(kernel) {
    const { client, keys } = kernel
    const models = new ModelsService({
      listModels: (key, opts) => client.listModels(key, opts),
      sdkFor: (key) => client.sdkFor(key),
      requireKey: () => keys.requireKey(),
      secrets: () => kernel.secrets(),
      repo: new ModelsCacheRepo(kernel.db),
      clock: kernel.clock,
      prices: catalogPrices(kernel.options.catalog ?? catalog),
    })
    return {
      handlers: {
        'models.list': ({ refresh }) => models.list(refresh ?? false),
        'models.browse': ({ refresh }) => models.browse(refresh ?? false),
        'models.aliases': () => models.aliases(),
        'models.advise': ({ models: names }) => models.advise(names),
        'models.rename': ({ modelId, name, description }) => models.rename(modelId, name, description ?? null),
        'models.archive': ({ modelId, archived }) => models.setArchived(modelId, archived),
        'models.delete': ({ modelId }) => models.delete(modelId),
      },
    }
  },
}
