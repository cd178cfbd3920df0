import { beforeEach, describe, expect, it } from 'vitest'
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/contract/documents'
import type { QueueItem } from '../../../../shared/domain'
import { installFakeApi, ok, type FakeApi } from '../../testing/fake-api'
import { addFiles, applyQueueItem, queueAction, useDocumentsStore } from './documents-store'

const item = (patch: Partial<QueueItem> = {}): QueueItem => ({
  id: 'q1',
  fileName: 'report.pdf',
  stage: 'checking',
  progress: null,
  bytes: null,
  kind: null,
  pages: null,
  estimateMicroUsd: null,
  documentId: null,
  cached: false,
  error: null,
  retryable: false,
  ...patch,
})

let fake: FakeApi
const initial = useDocumentsStore.getState()

beforeEach(() => {
  fake = installFakeApi()
  fake.handlers['documents.list'] = () => ok([])
  useDocumentsStore.setState(initial, true)
})

describe('the OCR queue in the store', () => {
  it('replaces an item by id and appends new ones', () => {
    applyQueueItem(item())
    applyQueueItem(item({ id: 'q2', fileName: 'scan.png' }))
    applyQueueItem(item({ stage: 'processing' }))
    expect(useDocumentsStore.getState().queue.map((q) => [q.id, q.stage])).toEqual([
      ['q1', 'processing'],
      ['q2', 'checking'],
    ])
  })

  it('streams a file in chunks no larger than the contract allows, in order', async () => {
    const chunks: { offset: number; data: string }[] = []
    fake.handlers['documents.uploadStart'] = () => ok({ uploadId: 'u1' })
    fake.handlers['documents.uploadChunk'] = (input) => {
      const { offset, data } = input as { offset: number; data: string }
      chunks.push({ offset, data })
      return ok({ received: offset + atob(data).length })
    }
    fake.handlers['documents.uploadEnd'] = () => ok(item())
    const size = UPLOAD_CHUNK_BYTES * 2 + 10
    await addFiles([new File([new Uint8Array(size).fill(7)], 'report.pdf')])
    expect(chunks.map((c) => c.offset)).toEqual([0, UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES * 2])
    expect(chunks.every((c) => atob(c.data).length <= UPLOAD_CHUNK_BYTES)).toBe(true)
    expect(useDocumentsStore.getState().queue).toHaveLength(1)
    expect(useDocumentsStore.getState().sending).toEqual({})
  })

  it('shows a refused upload as the store error', async () => {
    fake.handlers['documents.uploadStart'] = () => ({ ok: false, error: { code: 'invalid_input', message: 'No.', retryable: false } })
    await addFiles([new File(['x'], 'x.pdf')])
    expect(useDocumentsStore.getState().error?.message).toBe('No.')
  })

  it('applies what cancel answers', async () => {
    fake.handlers['documents.cancel'] = () => ok(item({ stage: 'cancelled' }))
    await queueAction('documents.cancel', 'q1')
    expect(useDocumentsStore.getState().queue[0]?.stage).toBe('cancelled')
  })
})
