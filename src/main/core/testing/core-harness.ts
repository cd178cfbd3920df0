/**
 * A core wired to the Mistral simulator and a temp data dir, driven through
 * dispatch() exactly as the hosts drive it. Test-only.
 */
import { afterEach } from 'vitest'
import { startSimulator, type Simulator } from '../../../../e2e/mistral-sim/server'
import type { ChannelName, Input, Output } from '../../../shared/contract'
import type { Result } from '../../../shared/errors'
import { createCore, type Core, type CoreOptions } from '../create-core'
import { dispatch } from '../dispatch'
import type { CorePorts, SecretCipher } from '../ports'
import { MemorySettings, RecordingContext, RecordingLogger } from './doubles'
import { makeTempDir } from './temp-dir'

/** A chat completion request as it reached the wire (snake_case). */
export interface ChatBody {
  model: string
  stream: boolean
  messages: { role: string; content: string; prefix?: boolean }[]
  [field: string]: unknown
}

export interface HarnessOptions {
  cipher?: SecretCipher | null
  envApiKey?: string
  openExternal?: CorePorts['openExternal']
  core?: CoreOptions
}

export class CoreHarness {
  readonly settings = new MemorySettings()
  readonly logger = new RecordingLogger()
  readonly ctx = new RecordingContext()
  core: Core

  private constructor(
    readonly sim: Simulator,
    readonly dataDir: string,
    private readonly cleanupDir: () => void,
    private readonly options: HarnessOptions,
  ) {
    this.core = createCore(this.ports(), options.core)
  }

  static async start(options: HarnessOptions = {}): Promise<CoreHarness> {
    const sim = await startSimulator()
    const { dir, cleanup } = makeTempDir()
    return new CoreHarness(sim, dir, cleanup, options)
  }

  ports(): CorePorts {
    return {
      dataDir: this.dataDir,
      cipher: this.options.cipher ?? null,
      settings: this.settings,
      clock: { now: () => Date.now() },
      serverURL: this.sim.url,
      ...(this.options.envApiKey ? { envApiKey: this.options.envApiKey } : {}),
      ...(this.options.openExternal ? { openExternal: this.options.openExternal } : {}),
      logger: this.logger,
    }
  }

  call<C extends ChannelName>(name: C, input: Input<C>, ctx: RecordingContext = this.ctx): Promise<Result<Output<C>>> {
    return dispatch(this.core, name, input, ctx) as Promise<Result<Output<C>>>
  }

  /** Calls and unwraps, failing the test with the AppError if the call failed. */
  async ok<C extends ChannelName>(name: C, input: Input<C>, ctx: RecordingContext = this.ctx): Promise<Output<C>> {
    const result = await this.call(name, input, ctx)
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`)
    return result.value
  }

  /** Bodies of the streamed chat requests the simulator received, oldest first (title calls are not streamed). */
  chatBodies(): ChatBody[] {
    return this.sim.requests
      .filter((r) => r.path === '/v1/chat/completions' && (r.body as ChatBody | null)?.stream === true)
      .map((r) => r.body as ChatBody)
  }

  /** Bodies of the non-streamed chat requests (the automatic titles). */
  titleBodies(): ChatBody[] {
    return this.sim.requests
      .filter((r) => r.path === '/v1/chat/completions' && (r.body as ChatBody | null)?.stream === false)
      .map((r) => r.body as ChatBody)
  }

  /** Simulates an app restart on the same data dir and settings. */
  restart(): void {
    this.core.close()
    this.core = createCore(this.ports(), this.options.core)
  }

  async stop(): Promise<void> {
    this.core.close()
    await this.sim.close()
    this.cleanupDir()
  }
}

/** For test files that start a harness per test, each with its own options: stops it after every test. */
export function harnessPerTest(): (options?: HarnessOptions) => Promise<CoreHarness> {
  let current: CoreHarness | null = null
  afterEach(async () => {
    await current?.stop()
    current = null
  })
  return async (options = {}) => (current = await CoreHarness.start(options))
}
