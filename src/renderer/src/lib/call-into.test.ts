import { beforeEach, describe, expect, it } from 'vitest'
import { create } from 'zustand'
import type { AppError } from '../../../shared/errors'
import { installFakeApi, ok, type FakeApi } from '../testing/fake-api'
import { callInto } from './call-into'

interface State {
  busy: boolean
  error: AppError | null
}

const useStore = create<State>(() => ({ busy: true, error: null }))
const refused: AppError = { code: 'server', message: 'Down', retryable: true }
let fake: FakeApi

beforeEach(() => {
  fake = installFakeApi()
  useStore.setState({ busy: true, error: null })
})

describe('callInto', () => {
  it('answers with the value and leaves the store to the caller', async () => {
    fake.handlers['presets.list'] = () => ok([])
    expect(await callInto(useStore, 'presets.list', {}, { onError: { busy: false } })).toEqual({ ok: true, value: [] })
    expect(useStore.getState()).toEqual({ busy: true, error: null })
  })

  it('writes a failure into the store, with what the failure resets', async () => {
    fake.handlers['presets.list'] = () => ({ ok: false, error: refused })
    expect(await callInto(useStore, 'presets.list', {}, { onError: { busy: false } })).toEqual({ ok: false, error: refused })
    expect(useStore.getState()).toEqual({ busy: false, error: refused })
  })

  it('keeps a failure out of the store when it is not the store’s to show', async () => {
    fake.handlers['presets.list'] = () => ({ ok: false, error: refused })
    const result = await callInto(useStore, 'presets.list', {}, { onError: { busy: false }, showError: () => false })
    expect(result.ok).toBe(false)
    expect(useStore.getState()).toEqual({ busy: true, error: null })
  })
})
