/** The models the key can use. The client caches the list per key; refresh asks Mistral again. */
import type { FeatureModule } from '../module'

export const modelsModule: FeatureModule = {
  name: 'models',
  migrations: [],
  create({ client, keys }) {
    return {
      handlers: {
        'models.list': ({ refresh }) => client.listModels(keys.requireKey(), { refresh: refresh ?? false }),
      },
    }
  },
}
