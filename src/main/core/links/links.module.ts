import type { FeatureModule } from '../module'
import { LinkOpener } from './link-opener'

export const linksModule: FeatureModule = {
  name: 'links',
  migrations: [],
  create({ ports }) {
    const links = new LinkOpener(ports.openExternal)
    return { handlers: { 'links.open': ({ url }) => links.open(url) } }
  },
}
