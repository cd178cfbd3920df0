/** The preset channels through dispatch(), as the hosts call them. */
import { describe, expect, it } from 'vitest'
import { harnessPerTest } from '../testing/core-harness'

const MODEL = 'mistral-small-latest'

const start = harnessPerTest()

const settings = { systemPrompt: 'You review code.', params: { temperature: 0.1, maxTokens: 500 } }

describe('presets', () => {
  it('saves without an id to create, with an id to update, lists and deletes', async () => {
    const core = await start()
    expect(await core.ok('presets.list', {})).toEqual([])
    const created = await core.ok('presets.save', { name: ' Reviewer ', model: MODEL, ...settings })
    expect(created).toMatchObject({ name: 'Reviewer', model: MODEL, ...settings, id: expect.any(String), createdAt: expect.any(Number) })
    const updated = await core.ok('presets.save', { id: created.id, name: 'Strict reviewer', model: MODEL, systemPrompt: '', params: {} })
    expect(updated).toEqual({ ...created, name: 'Strict reviewer', systemPrompt: '', params: {} })
    expect(await core.ok('presets.list', {})).toEqual([updated])
    const missing = await core.call('presets.save', { id: 'nope', name: 'x', model: MODEL, ...settings })
    expect(missing.ok ? null : missing.error.code).toBe('not_found')
    const bad = await core.call('presets.save', { name: 'x', model: MODEL, systemPrompt: '', params: { user: 'x' } } as never)
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input')
    expect(await core.ok('presets.delete', { id: created.id })).toEqual({ deleted: true })
    expect(await core.ok('presets.delete', { id: created.id })).toEqual({ deleted: false })
    expect(await core.ok('presets.list', {})).toEqual([])
  })
})
