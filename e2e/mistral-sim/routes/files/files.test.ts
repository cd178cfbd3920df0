// Conformance of /v1/files: every route through the official SDK (files.*) and raw,
// each body validated against the spec; the bytes survive upload, download and
// signed URLs; the 404/422/400 answers for bad ids and inputs.
import { describe, expect, it } from 'vitest'
import { multiPagePdf } from '../../../fixtures/documents/documents'
import { sdkError, spec, useSimulator } from '../../testing/conformance-kit'

const t = useSimulator()
const pdf = multiPagePdf()

function upload(name = 'report.pdf', bytes: Buffer = pdf) {
  return t.sdk.files.upload({ file: new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }), purpose: 'ocr' })
}

async function rawUpload(form: FormData) {
  return fetch(`${t.sim.url}/v1/files`, { method: 'POST', headers: { authorization: `Bearer ${t.sim.key}` }, body: form })
}

describe('POST /v1/files', () => {
  it('stores the bytes and answers with a file the SDK and the spec accept', async () => {
    const file = await upload()
    expect(file).toMatchObject({ object: 'file', sizeBytes: pdf.length, filename: 'report.pdf', purpose: 'ocr', source: 'upload' })
    expect(file.id).toMatch(/^[0-9a-f-]{36}$/)

    const form = new FormData()
    form.append('purpose', 'ocr')
    form.append('file', new File([new Uint8Array(pdf)], 'raw.pdf', { type: 'application/pdf' }))
    const res = await rawUpload(form)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(spec.response('POST', '/v1/files', 200, 'application/json', body)).toEqual([])
    expect(body).toMatchObject({ filename: 'raw.pdf', mimetype: 'application/pdf', bytes: pdf.length })
    // The request log keeps the upload's size, not its bytes.
    expect(t.sim.requests.at(-1)?.body).toEqual({ multipart: true, bytes: expect.any(Number) })
  })

  it('answers a missing file or an unknown purpose with a 422', async () => {
    const noFile = new FormData()
    noFile.append('purpose', 'ocr')
    const res = await rawUpload(noFile)
    expect(res.status).toBe(422)
    expect(JSON.stringify(await res.json())).toContain('"loc":["body","file"]')

    const badPurpose = new FormData()
    badPurpose.append('purpose', 'poetry')
    badPurpose.append('file', new File(['x'], 'x.txt'))
    const res2 = await rawUpload(badPurpose)
    expect(res2.status).toBe(422)
    expect(JSON.stringify(await res2.json())).toContain('"type":"enum"')
  })

  it('answers a body that is not multipart with 400', async () => {
    const res = await t.api('/v1/files', { body: { file: 'not a form' } })
    expect(res.status).toBe(400)
  })
})

describe('GET /v1/files', () => {
  it('lists newest first, with filters, pages and the total', async () => {
    const a = await upload('alpha.pdf')
    const b = await upload('beta.pdf')
    const list = await t.sdk.files.list({})
    expect(list.data.map((f) => f.id).sort()).toEqual([a.id, b.id].sort())
    expect(list.total).toBe(2)

    const found = await t.sdk.files.list({ search: 'bet', purpose: 'ocr' })
    expect(found.data.map((f) => f.filename)).toEqual(['beta.pdf'])
    expect((await t.sdk.files.list({ purpose: 'batch' })).data).toEqual([])

    const res = await t.api('/v1/files?page=1&page_size=1&include_total=false')
    const body = await res.json()
    expect(spec.response('GET', '/v1/files', 200, 'application/json', body)).toEqual([])
    expect(body.data).toHaveLength(1)
    expect(body.total).toBeNull()
    expect((await t.api('/v1/files?page=two')).status).toBe(422)
  })
})

describe('GET and DELETE /v1/files/{file_id}', () => {
  it('retrieves, deletes, then answers 404; a non-UUID id is a 422', async () => {
    const file = await upload()
    const got = await t.sdk.files.retrieve({ fileId: file.id })
    expect(got).toMatchObject({ id: file.id, deleted: false, sizeBytes: pdf.length })
    const raw = await (await t.api(`/v1/files/${file.id}`)).json()
    expect(spec.response('GET', '/v1/files/{file_id}', 200, 'application/json', raw)).toEqual([])

    const deleted = await t.sdk.files.delete({ fileId: file.id })
    expect(deleted).toEqual({ id: file.id, object: 'file', deleted: true })
    expect((await sdkError(t.sdk.files.retrieve({ fileId: file.id }))).statusCode).toBe(404)
    const again = await t.api(`/v1/files/${file.id}`, { method: 'DELETE' })
    expect(again.status).toBe(404)
    expect(await again.json()).toMatchObject({ object: 'error', type: 'not_found' })
    const bad = await t.api('/v1/files/not-a-uuid')
    expect(bad.status).toBe(422)
    expect(JSON.stringify(await bad.json())).toContain('uuid_parsing')
  })
})

describe('GET /v1/files/{file_id}/content and /url', () => {
  it('downloads the same bytes, directly and through a signed URL without auth', async () => {
    const file = await upload()
    const stream = await t.sdk.files.download({ fileId: file.id })
    const downloaded = Buffer.from(await new Response(stream).arrayBuffer())
    expect(downloaded.equals(pdf)).toBe(true)

    const signed = await t.sdk.files.getSignedUrl({ fileId: file.id, expiry: 2 })
    const raw = await (await t.api(`/v1/files/${file.id}/url`)).json()
    expect(spec.response('GET', '/v1/files/{file_id}/url', 200, 'application/json', raw)).toEqual([])
    const viaUrl = await fetch(signed.url)
    expect(viaUrl.status).toBe(200)
    expect(Buffer.from(await viaUrl.arrayBuffer()).equals(pdf)).toBe(true)

    const tampered = signed.url.replace(/signature=[0-9a-f]/, (m) => (m.endsWith('0') ? `${m.slice(0, -1)}1` : `${m.slice(0, -1)}0`))
    expect((await fetch(tampered)).status).toBe(403)
    expect((await t.api(`/v1/files/${file.id}/url?expiry=0`)).status).toBe(400)
    expect((await t.api(`/v1/files/${file.id}/url?expiry=200`)).status).toBe(400)
  })

  it('forgets every file on reset', async () => {
    const file = await upload()
    t.sim.reset()
    expect((await t.api(`/v1/files/${file.id}/content`)).status).toBe(404)
  })
})
