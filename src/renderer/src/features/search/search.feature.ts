/** Full-text search over conversations: a box in the sidebar whose hits replace the list while it holds a query. */
import { focusSearch } from '../../components/focus'
import type { Feature } from '../../shell/feature'
import { ConversationSearch } from './ConversationSearch'
import { SearchResults } from './SearchResults'

export const searchFeature: Feature = {
  id: 'search',
  sidebar: [
    { id: 'search.box', place: 'top', component: ConversationSearch },
    { id: 'search.results', place: 'fill', component: SearchResults },
  ],
  shortcuts: [{ keys: 'Mod+K', run: () => focusSearch() }],
}
