import { beforeEach, describe, expect, it } from 'vitest'
import { installFakeApi, ok, type FakeApi } from '../../../testing/fake-api'
import {
  EMPTY_SETTINGS,
  adoptConversation,
  isEmptySettings,
  saveConversationSettings,
  showSettingsOf,
  useConversationSettingsStore,
} from './conversation-settings-store'

let api: FakeApi
const brief = { systemPrompt: 'Be brief', params: { temperature: 0.3 } }

beforeEach(() => {
  api = installFakeApi()
  showSettingsOf(null, EMPTY_SETTINGS)
})

describe('conversation settings store', () => {
  it('keeps a new chat’s settings as its draft without calling main', async () => {
    expect(await saveConversationSettings(brief)).toBe(true)
    expect(useConversationSettingsStore.getState().settings).toEqual(brief)
    expect(api.calls).toEqual([])
    // Its first send creates the conversation; the settings now belong to it.
    adoptConversation('c1')
    expect(useConversationSettingsStore.getState()).toMatchObject({ conversationId: 'c1', settings: brief })
  })

  it('saves an open conversation’s settings in main', async () => {
    showSettingsOf('c1', EMPTY_SETTINGS)
    api.handlers['conversations.updateSettings'] = (input) => ok((input as { settings: unknown }).settings)
    expect(await saveConversationSettings(brief)).toBe(true)
    expect(api.calls).toEqual([{ channel: 'conversations.updateSettings', input: { id: 'c1', settings: brief } }])
    expect(useConversationSettingsStore.getState()).toMatchObject({ settings: brief, saving: false })
  })

  it('reports a failed save and keeps the settings it had', async () => {
    showSettingsOf('c1', EMPTY_SETTINGS)
    api.handlers['conversations.updateSettings'] = () => ({
      ok: false,
      error: { code: 'not_found', message: 'gone', retryable: false },
    })
    expect(await saveConversationSettings(brief)).toBe(false)
    expect(useConversationSettingsStore.getState()).toMatchObject({ settings: EMPTY_SETTINGS, error: { code: 'not_found' } })
  })

  it('a form starts over when other settings are shown', () => {
    const before = useConversationSettingsStore.getState().revision
    showSettingsOf('c2', brief)
    expect(useConversationSettingsStore.getState().revision).toBe(before + 1)
    expect(isEmptySettings(EMPTY_SETTINGS)).toBe(true)
    expect(isEmptySettings({ systemPrompt: '', params: { safePrompt: true } })).toBe(false)
  })
})
