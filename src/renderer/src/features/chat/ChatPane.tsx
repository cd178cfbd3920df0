/**
 * The main pane in chat view: the open conversation, or what to do when there is none.
 * The header holds the model and the conversation's settings panel.
 * The composer stays mounted while a new chat becomes a saved one, so focus survives the first send.
 */
import { ErrorNotice } from '../../components/ErrorNotice'
import { navigate } from '../../shell/navigation'
import { useConversationsStore } from '../conversations/conversations-store'
import { useKeyStore } from '../settings/key-store'
import { focusWhenReady } from '../../components/focus'
import { API_KEY_FIELD_ID, SETTINGS_PATH } from '../settings/settings-paths'
import { useAddressFollowsPane } from './chat-address'
import { dismissChatError, retrySend, useChatStore } from './chat-store'
import { Composer } from './Composer'
import { ConversationSettingsPanel, ConversationSettingsToggle } from './conversation-settings/ConversationSettingsPanel'
import { MessageList } from './MessageList'
import { SettingsChips } from './conversation-settings/SettingsChips'
import { ModelPicker, ModelsError } from './model-picker/ModelPicker'
import './chat.css'
import { ConversationCost } from '../usage/ConversationCost'

export function ChatPane() {
  const keySet = useKeyStore((s) => s.status?.set ?? null)
  const keyError = useKeyStore((s) => s.error)
  const openId = useChatStore((s) => s.openId)
  useAddressFollowsPane(openId)

  if (keySet === null) {
    return (
      <section className="pane pane--center" aria-label="Chat">
        {keyError ? <ErrorNotice error={keyError} /> : <p className="muted">Loading…</p>}
      </section>
    )
  }
  // An open conversation still shows without a key; sending then explains what is missing.
  if (!keySet && openId === null) return <FirstRun />

  return (
    <section className="pane chat" aria-label="Chat">
      <ChatHeader />
      <ConversationSettingsPanel />
      <ModelsError />
      <ChatBody />
      <PaneError />
      <Composer />
    </section>
  )
}

function addKey(): void {
  navigate(SETTINGS_PATH)
  focusWhenReady(() => document.getElementById(API_KEY_FIELD_ID))
}

function FirstRun() {
  return (
    <section className="pane pane--center" aria-label="Chat">
      <div className="empty-state">
        <h1>Add your Mistral API key to start</h1>
        <p>
          The app keeps the key out of this window: it only ever shows the last four characters.
        </p>
        <button type="button" className="button--primary" onClick={addKey}>
          Add API key
        </button>
      </div>
    </section>
  )
}

function ChatHeader() {
  const openId = useChatStore((s) => s.openId)
  const title = useConversationsStore((s) => (openId ? s.list.find((c) => c.id === openId)?.title : undefined))
  return (
    <header className="chat__header">
      <h1 className="chat__title">{openId === null ? 'New chat' : (title ?? 'Conversation')}</h1>
      <div className="chat__controls">
        {openId !== null ? <ConversationCost conversationId={openId} /> : null}
        <ModelPicker />
        <ConversationSettingsToggle />
      </div>
      <SettingsChips />
    </header>
  )
}

function ChatBody() {
  const empty = useChatStore((s) => s.order.length === 0)
  const loading = useChatStore((s) => s.loading)
  return (
    <>
      {empty && loading ? <p className="chat__hint muted">Loading conversation…</p> : null}
      {empty && !loading ? (
        <p className="chat__hint muted">Ask Mistral anything. Enter sends; Shift+Enter starts a new line.</p>
      ) : null}
      <MessageList />
    </>
  )
}

function PaneError() {
  const error = useChatStore((s) => s.error)
  const canRetry = useChatStore((s) => s.failedSend !== null)
  return (
    <ErrorNotice
      error={error}
      onRetry={canRetry ? () => void retrySend() : undefined}
      onDismiss={dismissChatError}
      className="chat__error"
    />
  )
}
