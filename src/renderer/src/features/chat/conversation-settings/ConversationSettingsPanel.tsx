/**
 * The open conversation's system prompt and parameters, in a panel under the chat header.
 * For a chat not yet created they are kept as its draft and sent with its first message.
 * Esc, the close button and the header toggle close it; focus returns to the toggle.
 */
import { focusWhenReady } from '../../../components/focus'
import { setSettingsPanelOpen, useConversationSettingsStore } from './conversation-settings-store'
import { useEscapeLayer } from '../../../components/escape-layers'
import { SettingsForm } from './SettingsForm'
import './conversation-settings.css'

export const PANEL_ID = 'conversation-settings'
export const TOGGLE_ID = 'conversation-settings-toggle'

export function closeSettingsPanel(): void {
  setSettingsPanelOpen(false)
  focusWhenReady(() => document.getElementById(TOGGLE_ID))
}

export function ConversationSettingsToggle() {
  const open = useConversationSettingsStore((s) => s.panelOpen)
  return (
    <button
      type="button"
      id={TOGGLE_ID}
      aria-expanded={open}
      aria-controls={PANEL_ID}
      onClick={() => (open ? closeSettingsPanel() : setSettingsPanelOpen(true))}
    >
      Conversation settings
    </button>
  )
}

export function ConversationSettingsPanel() {
  const open = useConversationSettingsStore((s) => s.panelOpen)
  const revision = useConversationSettingsStore((s) => s.revision)
  const isDraft = useConversationSettingsStore((s) => s.conversationId === null)
  useEscapeLayer(open, closeSettingsPanel)
  if (!open) return null
  return (
    <section id={PANEL_ID} className="conversation-settings" aria-labelledby={`${PANEL_ID}-title`}>
      <header className="conversation-settings__header">
        <h2 id={`${PANEL_ID}-title`}>Conversation settings</h2>
        <button
          type="button"
          className="button--tool"
          onClick={closeSettingsPanel}
          aria-label="Close conversation settings"
          title="Close (Esc)"
        >
          ×
        </button>
      </header>
      <p className="conversation-settings__intro muted">
        {isDraft
          ? 'For this new chat: they are saved with its first message.'
          : 'For the next replies in this conversation. Leave a field empty to use the model’s default.'}
      </p>
      {/* Keyed by revision: another chat or a preset starts the form over. */}
      <SettingsForm key={revision} />
    </section>
  )
}
