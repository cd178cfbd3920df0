// The types the OCR service accepts, told from the bytes (as the service does, not
// from a name), and the pixel size of an image from its header.

export type DocumentKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'bmp' | 'tiff' | 'webp'

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v)

export function sniffKind(b: Uint8Array): DocumentKind | undefined {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf' // %PDF-
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (starts(b, [0x47, 0x49, 0x46, 0x38])) return 'gif'
  if (starts(b, [0x42, 0x4d])) return 'bmp'
  if (starts(b, [0x49, 0x49, 0x2a, 0x00]) || starts(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  return undefined
}

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]!
    const length = b.readUInt16BE(i + 2)
    // SOF0..SOF15 carry the frame size, except DHT (c4), JPG (c8) and DAC (cc).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) }
    }
    i += 2 + length
  }
  return undefined
}

/** Width and height in pixels where the header tells them; undefined otherwise. */
export function imageSize(kind: DocumentKind, b: Buffer): { width: number; height: number } | undefined {
  if (kind === 'png' && b.length >= 24) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) }
  if (kind === 'gif' && b.length >= 10) return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) }
  if (kind === 'bmp' && b.length >= 26) return { width: b.readInt32LE(18), height: Math.abs(b.readInt32LE(22)) }
  if (kind === 'jpeg') return jpegSize(b)
  return undefined
}
