/**
 * The sandboxed preload: exposes window.api, derived from the contract, and nothing
 * else. The page never receives ipcRenderer or an IpcRendererEvent (whose `sender`
 * would hand it ipcRenderer back), and can reach only the contract's channels.
 * Built into one CommonJS file that requires only 'electron' (a sandboxed preload can
 * load neither ESM nor npm modules).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import {
  EVENT_PREFIX,
  IPC_PREFIX,
  channelNames,
  eventNames,
  type ChannelName,
  type EventName,
  type WindowApi,
} from '../shared/contract'

const allowedChannels: ReadonlySet<string> = new Set<ChannelName>(channelNames)
const allowedEvents: ReadonlySet<string> = new Set<EventName>(eventNames)

const api: WindowApi = {
  invoke(channel, input) {
    // Checked at run time too: the page's JavaScript is not bound by our types.
    if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
      return Promise.reject(new Error(`Unknown channel "${String(channel)}".`))
    }
    return ipcRenderer.invoke(IPC_PREFIX + channel, input)
  },
  on(event, listener) {
    if (typeof event !== 'string' || !allowedEvents.has(event) || typeof listener !== 'function') {
      throw new Error(`Unknown event "${String(event)}".`)
    }
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      ;(listener as (payload: unknown) => void)(payload)
    }
    ipcRenderer.on(EVENT_PREFIX + event, forward)
    return () => {
      ipcRenderer.removeListener(EVENT_PREFIX + event, forward)
    }
  },
  pathForFile(file) {
    return file instanceof File ? webUtils.getPathForFile(file) : ''
  },
}

contextBridge.exposeInMainWorld('api', api)
