import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/temp-dir'
import type { Db } from '../kernel/db/database'
import { openAppDatabase } from '../schema'
import { PresetsRepo } from './presets-repo'

let tmp: ReturnType<typeof makeTempDir>
let db: Db
let presets: PresetsRepo

beforeEach(() => {
  tmp = makeTempDir()
  db = openAppDatabase(tmp.dir)
  presets = new PresetsRepo(db)
})
afterEach(() => {
  db.close()
  tmp.cleanup()
})

const fields = (name: string) => ({ name, model: 'mistral-small-latest', systemPrompt: `You are ${name}.`, params: { temperature: 0.2, stop: ['END'] } })

describe('PresetsRepo', () => {
  it('inserts, lists by name, updates in place and deletes', () => {
    const b = presets.insert('b', fields('beta'), 1)
    presets.insert('a', fields('Alpha'), 2)
    expect(b).toEqual({ id: 'b', createdAt: 1, ...fields('beta') })
    expect(presets.list().map((p) => p.name)).toEqual(['Alpha', 'beta'])
    const updated = presets.update('b', { ...fields('Gamma'), params: {} }, 3)
    expect(updated).toEqual({ id: 'b', createdAt: 1, ...fields('Gamma'), params: {} })
    expect(presets.update('missing', fields('x'), 4)).toBeNull()
    expect(presets.delete('a')).toBe(true)
    expect(presets.delete('a')).toBe(false)
    expect(presets.list().map((p) => p.id)).toEqual(['b'])
  })

  it('reads params defensively: a row with unknown or out-of-range fields yields no params', () => {
    presets.insert('p', fields('P'), 1)
    db.prepare(`UPDATE presets SET params_json = '{"temperature": 9, "user": "x"}' WHERE id = 'p'`).run()
    expect(presets.get('p')?.params).toEqual({})
    db.prepare(`UPDATE presets SET params_json = 'not json' WHERE id = 'p'`).run()
    expect(presets.get('p')?.params).toEqual({})
  })
})
