/** The key channels. The key service itself is in the kernel: every feature calls Mistral with it. */
import type { FeatureModule } from '../module'

export const keysModule: FeatureModule = {
  name: 'keys',
  migrations: [],
  create({ keys }) {
    return {
      handlers: {
        'keys.status': () => keys.status(),
        'keys.set': (input) => keys.set(input),
        'keys.delete': () => keys.delete(),
      },
    }
  },
}
