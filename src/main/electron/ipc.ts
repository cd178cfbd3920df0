/**
 * Electron IPC, derived from the contract: one ipcMain.handle per channel, each
 * checking that the caller is our own top-level page before dispatch() validates the
 * input and runs the handler. Handlers get a CallContext, never the raw IPC event.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { EVENT_PREFIX, IPC_PREFIX, channelNames } from '../../shared/contract'
import { dispatch, type CallContext, type Dispatchable } from '../core/dispatch'
import type { Logger } from '../core/ports'
import { isTrustedRendererUrl } from './app-protocol'

/** Registers every channel; returns a function that unregisters them. */
export function registerIpc(core: Dispatchable, devOrigin: string | null, logger: Logger): () => void {
  const contexts = new WeakMap<WebContents, CallContext>()
  const contextFor = (contents: WebContents): CallContext => {
    let ctx = contexts.get(contents)
    if (!ctx) {
      ctx = callContext(contents, logger)
      contexts.set(contents, ctx)
    }
    return ctx
  }

  for (const name of channelNames) {
    ipcMain.handle(IPC_PREFIX + name, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, devOrigin)) {
        logger.warn('Blocked IPC from an untrusted frame', { channel: name, url: event.senderFrame?.url ?? null })
        // Rejecting (rather than a Result) makes a rogue caller's invoke() throw.
        throw new Error('Blocked: this request did not come from the app window.')
      }
      return dispatch(core, name, input, contextFor(event.sender))
    })
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(IPC_PREFIX + name)
  }
}

/** Only our page's main frame may call: not an iframe, not a page that navigated elsewhere. */
function isTrustedSender(event: IpcMainInvokeEvent, devOrigin: string | null): boolean {
  const frame = event.senderFrame
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url, devOrigin)
}

/**
 * One context per webContents, with one set of close listeners fanned out from a few
 * webContents events: a listener per call would trip Node's max-listeners warning.
 * "Closed" means the page that made the calls is gone: the window was destroyed, its
 * renderer crashed, or it navigated or reloaded (as a browser-host socket would drop).
 */
function callContext(contents: WebContents, logger: Logger): CallContext {
  const closeListeners = new Set<() => void>()
  const pageGone = (): void => {
    const listeners = [...closeListeners]
    closeListeners.clear()
    for (const listener of listeners) {
      try {
        listener()
      } catch (err) {
        logger.error('A close listener failed', { error: String(err) })
      }
    }
  }
  contents.once('destroyed', pageGone)
  contents.on('render-process-gone', pageGone)
  // did-navigate fires for committed main-frame documents only (reloads included), never for a blocked will-navigate.
  contents.on('did-navigate', pageGone)
  return {
    emit(event, payload) {
      if (!contents.isDestroyed()) contents.send(EVENT_PREFIX + event, payload)
    },
    onClose(listener) {
      if (contents.isDestroyed()) queueMicrotask(listener)
      else closeListeners.add(listener)
    },
  }
}
