// Conformance of the account's fine-tuned models: made by a simulated fine-tuning job,
// listed with the base cards, renamed, archived, unarchived and deleted through the SDK.
import { beforeEach, describe, expect, it } from 'vitest'
import { cardId, sdkError, spec, useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()
// A stopped clock: only advance() moves the jobs, so a loaded machine cannot skew the counts.
beforeEach(() => t.sim.configure({ timeScale: 0 }))

async function fineTune(suffix: string): Promise<string> {
  const res = await t.api('/v1/fine_tuning/jobs', {
    body: {
      model: 'ministral-8b-latest',
      training_files: [{ file_id: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b' }],
      hyperparameters: { training_steps: 5 },
      suffix,
    },
  })
  const job = (await res.json()) as { id: string }
  t.sim.advance(200)
  const done = (await (await t.api(`/v1/fine_tuning/jobs/${job.id}`)).json()) as { fine_tuned_model: string }
  return done.fine_tuned_model
}

describe('fine-tuned models', () => {
  it('appear in GET /v1/models once their job succeeds, as FTModelCards', async () => {
    const before = await t.sdk.models.list()
    expect((before.data ?? []).some((c) => 'type' in c && c.type === 'fine-tuned')).toBe(false)
    const id = await fineTune('nemo-notes')
    const list = await t.sdk.models.list()
    const card = list.data?.find((c) => cardId(c) === id)
    if (!card || !('type' in card) || card.type !== 'fine-tuned') throw new Error('no fine-tuned card')
    expect(card.root).toBe('ministral-8b-latest')
    expect(card.job).toMatch(/^[0-9a-f-]{36}$/)
    expect(card.archived).toBe(false)
    expect(card.capabilities.completionChat).toBe(true)
    expect(card.capabilities.fineTuning).toBe(false)

    const raw = (await (await t.api('/v1/models')).json()) as { data: { id: string }[] }
    expect(spec.response('GET', '/v1/models', 200, 'application/json', raw)).toEqual([])
    const one = await t.api(`/v1/models/${encodeURIComponent(id)}`)
    expect(spec.response('GET', '/v1/models/{model_id}', 200, 'application/json', await one.json())).toEqual([])
  })

  it('are renamed, archived, unarchived and deleted', async () => {
    const id = await fineTune('rename-me')
    const updated = await t.sdk.models.update({ modelId: id, updateModelRequest: { name: 'Support bot', description: 'v1' } })
    expect(updated).toMatchObject({ id, name: 'Support bot', description: 'v1', archived: false })
    const patched = await t.api(`/v1/fine_tuning/models/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name: 'Support bot 2' } })
    expect(spec.response('PATCH', '/v1/fine_tuning/models/{model_id}', 200, 'application/json', await patched.json())).toEqual([])

    expect(await t.sdk.models.archive({ modelId: id })).toMatchObject({ id, archived: true })
    const card = (await t.sdk.models.retrieve({ modelId: id })) as { archived?: boolean; name?: string | null }
    expect(card).toMatchObject({ archived: true, name: 'Support bot 2' })
    expect(await t.sdk.models.unarchive({ modelId: id })).toMatchObject({ id, archived: false })
    const archiveRaw = await t.api(`/v1/fine_tuning/models/${encodeURIComponent(id)}/archive`, { method: 'POST' })
    expect(spec.response('POST', '/v1/fine_tuning/models/{model_id}/archive', 200, 'application/json', await archiveRaw.json())).toEqual([])

    expect(await t.sdk.models.delete({ modelId: id })).toMatchObject({ id, deleted: true })
    const ids = ((await t.sdk.models.list()).data ?? []).map(cardId)
    expect(ids).not.toContain(id)
    expect((await sdkError(t.sdk.models.retrieve({ modelId: id }))).statusCode).toBe(404)
    expect((await sdkError(t.sdk.models.archive({ modelId: id }))).statusCode).toBe(404)
  })

  it('refuses to delete a base model and 422s a bad update body', async () => {
    expect((await sdkError(t.sdk.models.delete({ modelId: 'mistral-small-latest' }))).statusCode).toBe(400)
    const id = await fineTune('typed')
    const res = await t.api(`/v1/fine_tuning/models/${encodeURIComponent(id)}`, { method: 'PATCH', body: { name: 3 } })
    expect(res.status).toBe(422)
  })
})
