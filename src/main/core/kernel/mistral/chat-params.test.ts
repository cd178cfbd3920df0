import { describe, expect, it } from 'vitest'
import { toSdkParams } from './chat-params'

describe('toSdkParams', () => {
  it('passes only the parameters that are set, including falsy ones', () => {
    expect(toSdkParams({})).toEqual({})
    expect(toSdkParams({ temperature: 0, safePrompt: false, randomSeed: 0 })).toEqual({ temperature: 0, safePrompt: false, randomSeed: 0 })
  })

  it('maps every parameter, and leaves out an empty stop list', () => {
    expect(
      toSdkParams({
        temperature: 0.2,
        topP: 0.9,
        maxTokens: 64,
        randomSeed: 7,
        safePrompt: true,
        stop: ['END'],
        presencePenalty: 0.5,
        frequencyPenalty: -0.5,
      }),
    ).toEqual({
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 64,
      randomSeed: 7,
      safePrompt: true,
      stop: ['END'],
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
    })
    expect(toSdkParams({ stop: [] })).toEqual({})
  })
})
