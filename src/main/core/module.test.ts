/** The wiring checks: every channel has exactly one handler, and the real module list satisfies them. */
import { describe, expect, it } from 'vitest'
import { channelNames, type ChannelName } from '../../shared/contract'
import { mergeHandlers } from './module'
import { modules } from './modules'
import { CoreHarness } from './testing/core-harness'

const noop = () => null
const all = Object.fromEntries(channelNames.map((c) => [c, noop]))

describe('mergeHandlers', () => {
  it('joins the handlers of several modules', () => {
    const [first, ...rest] = channelNames as [ChannelName, ...ChannelName[]]
    const merged = mergeHandlers(channelNames, [
      { name: 'a', handlers: { [first]: noop } },
      { name: 'b', handlers: Object.fromEntries(rest.map((c) => [c, noop])) },
    ])
    expect(Object.keys(merged).sort()).toEqual([...channelNames].sort())
  })

  it('fails when a channel has no handler', () => {
    const { 'keys.status': _gone, ...partial } = all
    expect(() => mergeHandlers(channelNames, [{ name: 'a', handlers: partial }])).toThrow('No module handles: keys.status.')
  })

  it('fails when two modules handle one channel', () => {
    expect(() =>
      mergeHandlers(channelNames, [
        { name: 'a', handlers: all },
        { name: 'b', handlers: { 'keys.status': noop } },
      ]),
    ).toThrow('Channel "keys.status" is handled by both "a" and "b".')
  })

  it('fails on a handler for a channel the contract does not declare', () => {
    expect(() => mergeHandlers(channelNames, [{ name: 'a', handlers: { ...all, ['keys.steal' as string]: noop } }])).toThrow(
      'Module "a" handles "keys.steal", which the contract does not declare.',
    )
  })
})

describe('the module list', () => {
  it('has unique names', () => {
    const names = modules.map((m) => m.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it('starts a core where every channel answers through dispatch()', async () => {
    const h = await CoreHarness.start()
    try {
      expect(Object.keys(h.core.handlers).sort()).toEqual([...channelNames].sort())
      expect(await h.ok('keys.status', {})).toMatchObject({ set: false })
    } finally {
      await h.stop()
    }
  })
})
