/** The embeddings playground's channels. */
import type { FeatureModule } from '../module'
import { EmbeddingsService } from './embeddings-service'

export const embeddingsModule: FeatureModule = {
  name: 'embeddings',
  migrations: [],
  create(kernel) {
    const service = new EmbeddingsService({
      sdk: () => kernel.client.sdkFor(kernel.keys.requireKey()),
      recordUsage: (e) => kernel.usage.record(e),
      now: () => kernel.clock.now(),
    })
    return {
      handlers: {
        'embeddings.options': () => service.options(),
        'embeddings.embed': (input) => service.embed(input),
      },
    }
  },
}
