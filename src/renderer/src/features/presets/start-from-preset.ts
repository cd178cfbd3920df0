/** A preset starts a new chat: its model is selected and its settings become the new chat's draft. */
import type { Preset } from '../../../../shared/domain'
import { selectModelByName } from '../models/models-store'
import { startNewChat } from '../conversations/start-chat'

export function startChatFromPreset(preset: Preset): void {
  selectModelByName(preset.model)
  startNewChat({ systemPrompt: preset.systemPrompt, params: preset.params })
}
