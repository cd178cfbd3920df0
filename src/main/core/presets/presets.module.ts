import * as m001 from './migrations/001-presets'
import type { FeatureModule } from '../module'
import { PresetsRepo } from './presets-repo'
import { PresetsService } from './presets-service'

export const presetsModule: FeatureModule = {
  name: 'presets',
  migrations: [m001],
  create(kernel) {
    const presets = new PresetsService(new PresetsRepo(kernel.db), kernel.clock)
    return {
      handlers: {
        'presets.list': () => presets.list(),
        'presets.save': (input) => presets.save(input),
        'presets.delete': ({ id }) => presets.delete(id),
      },
    }
  },
}
