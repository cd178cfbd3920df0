/**
 * Bytes between the window and the host in bounded chunks: a dropped File is streamed to
 * main (documents.uploadStart/Chunk/End), and stored bytes come back the same way
 * (documents.read), so no message ever carries a whole 50 MB file.
 */
import type { QueueItem } from '../../../../shared/domain'
import { UPLOAD_CHUNK_BYTES } from '../../../../shared/contract/documents'
import { call } from '../../api'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** Sends one File; `onProgress` gets the share of bytes the host has. */
export async function sendFile(file: File, onProgress?: (share: number) => void): Promise<QueueItem> {
  const { uploadId } = await call('documents.uploadStart', { fileName: file.name, bytes: file.size })
  for (let offset = 0; offset < file.size; offset += UPLOAD_CHUNK_BYTES) {
    // Only this slice is read into memory.
    const slice = new Uint8Array(await file.slice(offset, offset + UPLOAD_CHUNK_BYTES).arrayBuffer())
    await call('documents.uploadChunk', { uploadId, offset, data: toBase64(slice) })
    onProgress?.(Math.min(1, (offset + slice.length) / Math.max(1, file.size)))
  }
  return call('documents.uploadEnd', { uploadId })
}

/** Reads stored bytes (`original:<id>`, `image:<id>:<imageId>`, `export:<exportId>`) into a Blob. */
export async function readBlob(ref: string, type?: string): Promise<Blob> {
  const parts: BlobPart[] = []
  let offset: number | null = 0
  let mime = type ?? 'application/octet-stream'
  while (offset !== null) {
    const chunk: Awaited<ReturnType<typeof call<'documents.read'>>> = await call('documents.read', { ref, offset })
    const binary = atob(chunk.data)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    parts.push(bytes)
    mime = type ?? chunk.mime
    offset = chunk.next
  }
  return new Blob(parts, { type: mime })
}

/** Saves a Blob the way a browser downloads a link. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
