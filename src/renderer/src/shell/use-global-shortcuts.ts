/**
 * Window-wide keys: Ctrl/Cmd+N starts a chat, Ctrl/Cmd+K jumps to search, Esc closes the
 * innermost panel or else stops the open reply. Fields that use Esc themselves (rename,
 * edit, search) mark the event handled, so they win.
 */
import { useEffect } from 'react'
import { focusSearch } from '../components/focus'
import { selectOpenStream, useChatStore } from '../features/chat/chat-state'
import { stopStream } from '../features/chat/chat-store'
import { startNewChat } from '../features/conversations/start-chat'
import { closeTopLayer } from '../components/escape-layers'

export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return
      const command = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey
      const key = e.key.toLowerCase()
      if (command && key === 'n') {
        e.preventDefault()
        startNewChat()
      } else if (command && key === 'k') {
        e.preventDefault()
        focusSearch()
      } else if (e.key === 'Escape') {
        if (closeTopLayer()) {
          e.preventDefault()
          return
        }
        const stream = selectOpenStream(useChatStore.getState())
        if (stream) {
          e.preventDefault()
          void stopStream(stream)
        }
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
