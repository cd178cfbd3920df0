import type { ConversationSettings } from './conversations'

/** A named starting point for new chats. */
export interface Preset extends ConversationSettings {
  id: string
  name: string
  model: string
  createdAt: number
}
