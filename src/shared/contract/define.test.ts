import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channel, mergeSlices, returns } from './define'
import { channelNames, channels, eventNames } from './index'

const slice = (names: string[], events: string[] = []) => ({
  channels: Object.fromEntries(names.map((n) => [n, channel(z.object({}), returns<null>())])),
  events: Object.fromEntries(events.map((e) => [e, returns<null>()])),
})

describe('mergeSlices', () => {
  it('merges channels and events of every slice', () => {
    const merged = mergeSlices([slice(['a.x'], ['a.e']), slice(['b.y'])])
    expect(Object.keys(merged.channels)).toEqual(['a.x', 'b.y'])
    expect(Object.keys(merged.events)).toEqual(['a.e'])
  })

  it('refuses a channel or an event declared by two slices', () => {
    expect(() => mergeSlices([slice(['a.x']), slice(['a.x'])])).toThrow('channel "a.x" is declared by two slices')
    expect(() => mergeSlices([slice([], ['e']), slice([], ['e'])])).toThrow('event "e" is declared by two slices')
  })
})

describe('the merged contract', () => {
  it('names every channel as <feature>.<verb> and keeps the events', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
    expect(channels['chat.send'].input).toBeDefined()
    expect(eventNames.sort()).toEqual(['chat.parts', 'chat.stream', 'conversations.changed', 'documents.queueChanged', 'finetuning.checkProgress', 'finetuning.job'])
  })
})
