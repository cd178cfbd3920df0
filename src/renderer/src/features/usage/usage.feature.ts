/** Usage: the spend dashboard (#/usage), and budget alerts on every screen. */
import type { Feature } from '../../shell/feature'
import { BudgetAlerts } from './BudgetAlerts'
import { UsageView } from './UsageView'

export const USAGE_PATH = '/usage'

export const usageFeature: Feature = {
  id: 'usage',
  routes: [{ id: 'usage', path: USAGE_PATH, screen: UsageView }],
  sidebar: [{ id: 'usage.alerts', place: 'top', component: BudgetAlerts }],
  nav: [{ label: 'Usage', routeId: 'usage', path: USAGE_PATH }],
}
