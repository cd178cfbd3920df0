/**
 * The three ways to read one reply, side by side against one simulator: (a) the official
 * SDK directly, (b) the core in-process, (c) the renderer through the built browser host.
 * stream-overhead and ipc-coalescing both compare them.
 */
import { Mistral } from '@mistralai/mistralai'
import { startSimulator, type Simulator } from '../../e2e/mistral-sim/server'
import { newAppPage, waitForComposer, type AppPage } from './app-page'
import { InProcessCore } from './core-client'
import type { ScenarioContext } from './scenario'
import { tempDir } from './temp'
import { startHost, type HostProcess } from './web-host'

export interface ThreePaths {
  sim: Simulator
  sdk: Mistral
  core: InProcessCore
  host: HostProcess
  /** Already open on the host, with the composer ready. */
  app: AppPage
}

/** Starts all three; each is closed when the scenario ends (ctx.defer). */
export async function startThreePaths(ctx: ScenarioContext): Promise<ThreePaths> {
  const sim = await startSimulator()
  ctx.defer(() => sim.close())
  const sdk = new Mistral({ apiKey: sim.key, serverURL: sim.url })
  const core = new InProcessCore({ dataDir: tempDir(ctx, 'core'), serverURL: sim.url, apiKey: sim.key })
  ctx.defer(() => core.close())
  const host = await startHost({ entry: ctx.hostEntry, dataDir: tempDir(ctx, 'host'), serverURL: sim.url, apiKey: sim.key })
  ctx.defer(() => host.stop())
  const app = await newAppPage(await ctx.browser())
  ctx.defer(() => app.close())
  await app.page.goto(host.url)
  await waitForComposer(app.page)
  return { sim, sdk, core, host, app }
}
