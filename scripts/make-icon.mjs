#!/usr/bin/env node
/**
 * Draws resources/icon.png, the 512x512 app icon electron-builder turns into each
 * platform's format (.icns, .ico, the Linux sizes). Written with zlib alone so it can be
 * regenerated on any machine: `node scripts/make-icon.mjs`. A dark rounded square with a
 * blocky "M" in warm stripes.
 */
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const BACKGROUND = [27, 27, 31]
const STRIPES = [
  [255, 216, 0],
  [255, 175, 0],
  [255, 130, 5],
  [250, 80, 15],
  [225, 5, 0],
]

/** The "M" on a 5x5 grid of 64-pixel cells, centred. */
const GLYPH = ['X...X', 'XX.XX', 'X.X.X', 'X...X', 'X...X']
const CELL = 64
const ORIGIN_X = (SIZE - GLYPH[0].length * CELL) / 2
const ORIGIN_Y = (SIZE - GLYPH.length * CELL) / 2

function pixel(x, y) {
  const radius = 96
  const inset = 16
  const cx = Math.min(Math.max(x, inset + radius), SIZE - inset - radius)
  const cy = Math.min(Math.max(y, inset + radius), SIZE - inset - radius)
  if (x < inset || y < inset || x >= SIZE - inset || y >= SIZE - inset || (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) {
    return [0, 0, 0, 0]
  }
  const col = Math.floor((x - ORIGIN_X) / CELL)
  const row = Math.floor((y - ORIGIN_Y) / CELL)
  if (GLYPH[row]?.[col] === 'X') return [...STRIPES[row], 255]
  return [...BACKGROUND, 255]
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
for (let y = 0; y < SIZE; y++) {
  const rowStart = y * (SIZE * 4 + 1)
  raw[rowStart] = 0 // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), rowStart + 1 + x * 4)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
writeFileSync(new URL('../resources/icon.png', import.meta.url), png)
console.log(`resources/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`)
