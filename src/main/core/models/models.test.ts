/** The models channels through dispatch(): badges, prices, aliases, pin advice, the offline copy and fine-tuned models. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '../kernel/db/database'
import { createCore } from '../create-core'
import { DEFAULT_SIM_KEY } from '../../../../e2e/mistral-sim/server'
import { CoreHarness } from '../testing/core-harness'

let h: CoreHarness | null = null
/** The key comes from the environment, so a restarted core has it too. */
async function start(): Promise<CoreHarness> {
  h = await CoreHarness.start({ envApiKey: DEFAULT_SIM_KEY })
  return h
}
afterEach(async () => {
  await h?.stop()
  h = null
})

/** A fine-tuned model made the way the account makes one: a job that runs to SUCCESS. */
async function fineTune(core: CoreHarness): Promise<string> {
  const res = await fetch(`${core.sim.url}/v1/fine_tuning/jobs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${core.sim.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'ministral-8b-latest', training_files: [{ file_id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }], hyperparameters: { training_steps: 5 }, suffix: 'notes' }),
  })
  expect(res.status).toBe(200)
  core.sim.advance(300)
  const models = await core.ok('models.list', { refresh: true })
  const tuned = models.find((m) => m.fineTuned)
  if (!tuned) throw new Error('no fine-tuned model listed')
  return tuned.id
}

describe('models', () => {
  it('lists capability badges, catalog prices, retirement dates and replacements', async () => {
    const core = await start()
    const view = await core.ok('models.browse', {})
    expect(view.offline).toBe(false)
    const byId = (id: string) => view.models.find((m) => m.id === id || m.aliases.includes(id))
    expect(byId('mistral-small-latest')).toMatchObject({
      id: 'mistral-small-2603',
      capabilities: { chat: true, functionCalling: true, vision: true, fineTuning: true, embeddings: false },
      price: { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
    })
    expect(byId('mistral-embed')).toMatchObject({ capabilities: { embeddings: true, chat: false }, price: { inputUsdPerMTok: 0.1, outputUsdPerMTok: null } })
    expect(byId('mistral-moderation-2603')?.capabilities.moderation).toBe(true)
    expect(byId('magistral-medium-latest')?.capabilities.reasoning).toBe(true)
    expect(byId('voxtral-mini-latest')?.capabilities.audio).toBe(true)
    expect(byId('mistral-large-2411')).toMatchObject({ deprecated: true, retiresAt: '2027-03-31T00:00:00.000Z', replacement: 'mistral-large-latest' })
  })

  it('resolves -latest aliases and advises on pins: deprecated, retiring within 60 days, or fine', async () => {
    const core = await start()
    const aliases = await core.ok('models.aliases', {})
    expect(aliases).toContainEqual({ alias: 'mistral-small-latest', resolvesTo: 'mistral-small-2603' })
    const [alias, dated, deprecated, unknown] = await core.ok('models.advise', {
      models: ['mistral-small-latest', 'mistral-small-2603', 'mistral-large-2411', 'no-such-model'],
    })
    expect(alias).toEqual({ model: 'mistral-small-latest', resolvesTo: 'mistral-small-2603', pinned: false, warning: null })
    expect(dated).toMatchObject({ resolvesTo: 'mistral-small-2603', pinned: true, warning: null })
    expect(deprecated?.warning).toMatchObject({ kind: 'deprecated', replacement: 'mistral-large-latest', retiresAt: '2027-03-31T00:00:00.000Z' })
    expect(deprecated?.warning?.message).toMatch(/mistral-large-2411 is deprecated and retires on 2027-03-31 .*Switch to mistral-large-latest\./)
    expect(unknown).toEqual({ model: 'no-such-model', resolvesTo: null, pinned: true, warning: null })
  })

  it('keeps the last list per key in SQLite, without the key, and serves it when Mistral is unreachable', async () => {
    const core = await start()
    const fresh = await core.ok('models.list', {})
    const bytes = readFileSync(path.join(core.dataDir, DB_FILE)).toString('latin1')
    expect(bytes).not.toContain(core.sim.key)

    // An app restart with Mistral unreachable: the saved list comes back, marked offline.
    core.core.close()
    core.core = createCore({ ...core.ports(), serverURL: 'http://127.0.0.1:9' })
    const offline = await core.ok('models.browse', { refresh: true })
    expect(offline.offline).toBe(true)
    expect(offline.models.map((m) => m.id)).toEqual(fresh.map((m) => m.id))
    expect(await core.ok('models.list', {})).toHaveLength(fresh.length)
  })

  it('says what went wrong when Mistral is unreachable and nothing was saved', async () => {
    const core = await start()
    core.core.close()
    core.core = createCore({ ...core.ports(), serverURL: 'http://127.0.0.1:9' })
    const failed = await core.call('models.browse', {})
    expect(failed.ok ? null : failed.error.code).toBe('network')
  })

  it('lists a finished fine-tune with its job and base model; renames, archives, unarchives and deletes it', async () => {
    const core = await start()
    const id = await fineTune(core)
    const listed = (await core.ok('models.list', {})).find((m) => m.id === id)
    expect(listed?.fineTuned).toMatchObject({ root: 'ministral-8b-latest', archived: false, job: expect.stringMatching(/^[0-9a-f-]{36}$/) })
    expect(listed?.price).toBeNull()
    expect((await core.ok('models.rename', { modelId: id, name: 'Notes bot' })).find((m) => m.id === id)?.name).toBe('Notes bot')
    expect((await core.ok('models.archive', { modelId: id, archived: true })).find((m) => m.id === id)?.fineTuned?.archived).toBe(true)
    expect((await core.ok('models.archive', { modelId: id, archived: false })).find((m) => m.id === id)?.fineTuned?.archived).toBe(false)
    expect((await core.ok('models.delete', { modelId: id })).some((m) => m.id === id)).toBe(false)
    const again = await core.call('models.delete', { modelId: id })
    expect(again.ok ? null : again.error.code).toBe('not_found')
  })
})
