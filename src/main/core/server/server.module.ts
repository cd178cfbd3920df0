/** Which Mistral API server calls go to (Settings: region or custom URL). No tables: a setting. */
import type { FeatureModule } from '../module'
import { ServerService } from './server-service'

export const serverModule: FeatureModule = {
  name: 'server',
  migrations: [],
  create({ ports, client }) {
    const server = new ServerService(ports.settings, client, ports.serverURL)
    return {
      handlers: {
        'server.get': () => server.current(),
        'server.set': ({ region, customUrl }) => server.set(region, customUrl),
      },
    }
  },
}
