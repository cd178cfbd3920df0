/**
 * What is active, in the header: the system prompt and every parameter the user set, so a
 * max_tokens of 12 is visible before replies stop short. Each chip opens the settings.
 */
import type { ChatParams } from '../../../../../shared/domain'
import { setSettingsPanelOpen, useConversationSettingsStore } from './conversation-settings-store'

const LABELS: Record<keyof ChatParams, string> = {
  temperature: 'Temperature',
  topP: 'Top P',
  maxTokens: 'Max tokens',
  randomSeed: 'Seed',
  safePrompt: 'Safe prompt',
  stop: 'Stop at',
  presencePenalty: 'Presence penalty',
  frequencyPenalty: 'Frequency penalty',
}

function valueText(value: ChatParams[keyof ChatParams]): string {
  if (Array.isArray(value)) return value.map((v) => JSON.stringify(v)).join(' ')
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  return typeof value === 'number' ? value.toLocaleString('en-US') : String(value)
}

export function activeChips(systemPrompt: string, params: ChatParams): string[] {
  const chips = systemPrompt.trim() ? ['System prompt'] : []
  for (const key of Object.keys(LABELS) as (keyof ChatParams)[]) {
    const value = params[key]
    if (value !== undefined) chips.push(`${LABELS[key]} ${valueText(value)}`)
  }
  return chips
}

export function SettingsChips() {
  const systemPrompt = useConversationSettingsStore((s) => s.settings.systemPrompt)
  const params = useConversationSettingsStore((s) => s.settings.params)
  const chips = activeChips(systemPrompt, params)
  if (chips.length === 0) return null
  return (
    <ul className="settings-chips" aria-label="Active settings">
      {chips.map((chip) => (
        <li key={chip}>
          <button
            type="button"
            className="settings-chip"
            aria-label={`${chip} (open conversation settings)`}
            onClick={() => setSettingsPanelOpen(true)}
          >
            {chip}
          </button>
        </li>
      ))}
    </ul>
  )
}
