/** "2 / 3" with Previous/Next version, on any message that has more than one version. */
import type { Message } from '../../../../../shared/domain'
import { selectOpenBusy, useChatStore } from '../chat-state'
import { selectVersion } from '../chat-turns'
import { focusInMessage } from './focus-in-message'

export function VersionPager({ message }: { message: Message }) {
  const busy = useChatStore(selectOpenBusy)
  const count = message.versionIds.length
  const at = message.versionIds.indexOf(message.id)
  if (count < 2 || at < 0) return null

  const go = async (step: -1 | 1) => {
    const target = message.versionIds[at + step]
    if (!target) return
    const error = await selectVersion(target)
    // The other version is a new element; focus the same arrow on it, or the other one at either end.
    if (!error) focusInMessage(target, step < 0 ? 'previous-version' : 'next-version', step < 0 ? 'next-version' : 'previous-version')
  }

  return (
    <span role="group" aria-label="Versions" className="pager">
      <button
        type="button"
        className="button--tool"
        data-action="previous-version"
        aria-label="Previous version"
        onClick={() => void go(-1)}
        disabled={busy || at === 0}
      >
        ‹
      </button>
      <span className="pager__position">{`${at + 1} / ${count}`}</span>
      <button
        type="button"
        className="button--tool"
        data-action="next-version"
        aria-label="Next version"
        onClick={() => void go(1)}
        disabled={busy || at === count - 1}
      >
        ›
      </button>
    </span>
  )
}
