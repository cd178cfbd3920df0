/**
 * Entering, replacing and removing the Mistral API key. The field is uncontrolled and
 * emptied after a successful save: React state and the DOM's value attribute never hold
 * the key, and nothing on this side remembers it.
 */
import { useRef, useState, type FormEvent } from 'react'
import type { KeyStatus } from '../../../../shared/domain'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorNotice } from '../../components/ErrorNotice'
import { focusComposer } from '../../components/focus'
import { navigate } from '../../shell/navigation'
import { NEW_CHAT_PATH } from '../chat/chat-paths'
import { removeKey, saveKey, useKeyStore } from './key-store'
import { API_KEY_FIELD_ID } from './settings-paths'

function whereKept(status: KeyStatus): string {
  switch (status.source) {
    case 'keychain':
      return status.weakEncryption ? 'saved on this computer without OS encryption' : 'stored encrypted by the OS'
    case 'memory':
      return 'this session only'
    case 'env':
      return 'from the MISTRAL_API_KEY environment variable'
    default:
      return 'stored'
  }
}

export function KeySection() {
  const status = useKeyStore((s) => s.status)
  const busy = useKeyStore((s) => s.busy)
  const error = useKeyStore((s) => s.error)
  const notice = useKeyStore((s) => s.notice)
  const field = useRef<HTMLInputElement>(null)
  const [persist, setPersist] = useState(false)
  // Set after a save in this visit: the way back to what the user came for.
  const [justSaved, setJustSaved] = useState(false)
  const [confirmingRemove, setConfirmingRemove] = useState(false)

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault()
    const input = field.current
    if (!input || busy) return
    const saved = await saveKey(input.value, status?.weakEncryption ? persist : undefined)
    if (saved) input.value = ''
    setJustSaved(saved)
  }

  const startChatting = () => {
    navigate(NEW_CHAT_PATH)
    focusComposer()
  }

  const remove = () => {
    setConfirmingRemove(false)
    setJustSaved(false)
    void removeKey()
  }

  const keySet = status?.set === true
  return (
    <section className="settings__section" aria-labelledby="key-title">
      <h2 id="key-title">API key</h2>
      <p className="muted">
        Create a key at console.mistral.ai → API Keys. It is checked with Mistral before it is saved.
      </p>

      {status?.weakEncryption ? (
        <div className="banner" role="note">
          <p>
            This system offers no real encryption for saved secrets (storage backend: {status.backend}), so the key is
            kept for this session only and you will need to enter it again next time.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={persist} onChange={(e) => setPersist(e.target.checked)} />
            Remember the key on this computer anyway
          </label>
        </div>
      ) : null}

      {status && keySet ? (
        <p className="key-status">{`Key saved · ending in ${status.last4 ?? '····'} · ${whereKept(status)}`}</p>
      ) : null}

      <form className="key-form" onSubmit={onSubmit}>
        <label htmlFor={API_KEY_FIELD_ID}>Mistral API key</label>
        <div className="key-form__row">
          <input
            id={API_KEY_FIELD_ID}
            ref={field}
            type="password"
            name="api-key"
            autoComplete="off"
            spellCheck={false}
            placeholder={keySet ? 'Paste a new key to replace the current one' : 'Paste your key'}
          />
          <button type="submit" className="button--primary" disabled={busy !== null}>
            {keySet ? 'Replace key' : 'Save key'}
          </button>
          {keySet && status?.source !== 'env' ? (
            <button type="button" onClick={() => setConfirmingRemove(true)} disabled={busy !== null}>
              Remove key
            </button>
          ) : null}
        </div>
      </form>
      <ConfirmDialog
        open={confirmingRemove}
        title="Remove the API key?"
        confirmLabel="Remove key"
        danger
        onConfirm={remove}
        onCancel={() => setConfirmingRemove(false)}
      >
        <p>Mistral shows a key only once: keep a copy if you will need it again. Chats stay; sending needs a key.</p>
      </ConfirmDialog>
      {justSaved && keySet ? (
        <p>
          <button type="button" className="button--primary" onClick={startChatting}>
            Start chatting
          </button>
        </p>
      ) : null}

      {status?.source === 'env' ? (
        <p className="muted">To remove this key, unset MISTRAL_API_KEY and restart the app.</p>
      ) : null}
      <p role="status" className="key-progress">
        {busy === 'checking' ? 'Checking key…' : busy === 'removing' ? 'Removing key…' : (notice ?? '')}
      </p>
      <ErrorNotice error={error} />
    </section>
  )
}
