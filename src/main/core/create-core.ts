/**
 * The core's composition root: builds the kernel, then every feature module, and
 * joins their handlers. It knows no feature's internals. Hosts (Electron, the browser
 * host, tests) call createCore() and dispatch(), nothing else.
 */
import { channelNames } from '../../shared/contract'
import type { Dispatchable } from './dispatch'
import { createKernel, type CoreOptions } from './kernel/kernel'
import { mergeHandlers, type FeatureModule } from './module'
import { modules as allModules } from './modules'
import type { CorePorts } from './ports'
import { appSchema } from './schema'

export type { CoreOptions } from './kernel/kernel'

export interface Core extends Dispatchable {
  /** Saves live replies as `interrupted`, aborts their requests and closes SQLite. Idempotent. */
  close(): void
}

export function createCore(ports: CorePorts, options: CoreOptions = {}, modules: readonly FeatureModule[] = allModules): Core {
  const kernel = createKernel(ports, appSchema(modules), options)
  let instances
  let handlers
  try {
    instances = modules.map((m) => ({ name: m.name, ...m.create(kernel) }))
    handlers = mergeHandlers(channelNames, instances)
  } catch (err) {
    kernel.close()
    throw err
  }
  let closed = false
  return {
    handlers,
    secrets: kernel.secrets,
    close() {
      if (closed) return
      closed = true
      // Live replies are saved first, then modules finish (e.g. pending titles), then SQLite closes.
      kernel.live.close()
      for (const instance of instances) instance.close?.()
      kernel.close()
    },
  }
}
