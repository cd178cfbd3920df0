/** Models: every model the key can use, its versions, price and retirement, and the account's fine-tunes. */
import type { Feature } from '../../shell/feature'
import { ModelsScreen } from './ModelsScreen'

export const MODELS_PATH = '/models'

export const modelsFeature: Feature = {
  id: 'models',
  routes: [{ id: 'models', path: MODELS_PATH, screen: ModelsScreen }],
  nav: [{ label: 'Models', routeId: 'models', path: MODELS_PATH }],
}
