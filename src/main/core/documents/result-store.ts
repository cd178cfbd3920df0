/**
 * Turns an OCR response into stored rows: pages with their markdown, boxes, blocks
 * and confidence, and extracted images decoded into the file store (rows keep the
 * hash, never the base64).
 */
import type { OCRResponse } from '@mistralai/mistralai/models/components'
import type { DocumentBlock, DocumentImage } from '../../../shared/domain'
import type { FileStore } from '../kernel/files/file-store'
import type { NewPage } from './documents-repo'

type ApiPage = OCRResponse['pages'][number]

function imagesOf(page: ApiPage, files: FileStore): DocumentImage[] {
  return page.images.map((img) => {
    let sha256: string | null = null
    let mime: string | null = null
    const data = img.imageBase64 ? /^data:([^;,]+);base64,(.*)$/s.exec(img.imageBase64) : null
    if (data) {
      mime = data[1] ?? null
      sha256 = files.putBytes(Buffer.from(data[2] ?? '', 'base64')).sha256
    }
    return {
      imageId: img.id,
      topLeftX: img.topLeftX ?? 0,
      topLeftY: img.topLeftY ?? 0,
      bottomRightX: img.bottomRightX ?? 0,
      bottomRightY: img.bottomRightY ?? 0,
      sha256,
      mime,
      annotation: img.imageAnnotation ?? null,
    }
  })
}

function blocksOf(page: ApiPage): DocumentBlock[] {
  return (page.blocks ?? []).flatMap((b) =>
    'topLeftX' in b && typeof b.topLeftX === 'number'
      ? [
          {
            type: 'type' in b && typeof b.type === 'string' ? b.type : 'text',
            content: 'content' in b && typeof b.content === 'string' ? b.content : '',
            topLeftX: b.topLeftX,
            topLeftY: b.topLeftY,
            bottomRightX: b.bottomRightX,
            bottomRightY: b.bottomRightY,
          },
        ]
      : [],
  )
}

export function pagesFromResponse(res: OCRResponse, files: FileStore): NewPage[] {
  return res.pages.map((page) => ({
    index: page.index,
    markdown: page.markdown,
    header: page.header ?? null,
    footer: page.footer ?? null,
    width: page.dimensions?.width ?? null,
    height: page.dimensions?.height ?? null,
    dpi: page.dimensions?.dpi ?? null,
    blocks: blocksOf(page),
    tables: (page.tables ?? []).map((t) => ({ id: t.id, format: t.format === 'html' ? 'html' : 'markdown', content: t.content })),
    words: (page.confidenceScores?.wordConfidenceScores ?? []).map((w) => ({ text: w.text, confidence: w.confidence, start: w.startIndex })),
    averageConfidence: page.confidenceScores?.averagePageConfidenceScore ?? null,
    images: imagesOf(page, files),
  }))
}
