// Request rules of POST /v1/ocr beyond the spec's field list (request-rules.ts):
// the document chunk (file, document_url or image_url, each a closed object), basic
// types, enums and the annotation formats. Schema problems are one 422, as elsewhere.
import type { FieldIssue } from '../../http'
import { checkJsonBody, extraForbidden, isObject, type Loc, type Rejection } from '../../request-rules'
import { componentSchema, objectRules } from '../../spec'

export const OCR_OPERATION = 'ocr_v1_ocr_post'

export type DocumentRef =
  | { type: 'file'; fileId: string }
  | { type: 'document_url'; url: string; name: string | null }
  | { type: 'image_url'; url: string }

export interface AnnotationFormat {
  name: string
  schema: Record<string, unknown>
}

export interface OcrRequest {
  model: string
  document: DocumentRef
  pages: string | number[] | null
  includeImageBase64: boolean
  imageLimit: number | null
  imageMinSize: number | null
  bboxFormat: AnnotationFormat | null
  documentFormat: AnnotationFormat | null
  documentPrompt: string | null
  tableFormat: 'markdown' | 'html' | null
  extractHeader: boolean
  extractFooter: boolean
  includeBlocks: boolean
  confidence: 'word' | 'page' | 'block' | null
}

export type OcrCheck = { ok: true; request: OcrRequest } | Rejection

const CHUNKS = { file: 'FileChunk', document_url: 'DocumentURLChunk', image_url: 'ImageURLChunk' } as const
const FIELD_OF = { file: 'file_id', document_url: 'document_url', image_url: 'image_url' } as const

function typeIssue(loc: Loc, input: unknown, type: 'string' | 'bool' | 'int' | 'list'): FieldIssue {
  const msg = { string: 'Input should be a valid string', bool: 'Input should be a valid boolean', int: 'Input should be a valid integer', list: 'Input should be a valid list' }[type]
  return { type: `${type}_type`, loc, msg, input }
}

function documentIssues(doc: unknown): FieldIssue[] {
  const loc = ['body', 'document']
  if (!isObject(doc)) return [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: doc }]
  const kind = (typeof doc.type === 'string' ? doc.type : Object.keys(FIELD_OF).find((k) => k in doc)) as keyof typeof CHUNKS | undefined
  if (!kind || !(kind in CHUNKS)) {
    return [{ type: 'union_tag_invalid', loc, msg: "Input tag does not match any of the expected tags: 'file', 'document_url', 'image_url'", input: doc }]
  }
  const rules = objectRules(componentSchema(CHUNKS[kind]))
  const here = [...loc, CHUNKS[kind]]
  const issues: FieldIssue[] = []
  const field = FIELD_OF[kind]
  if (!(field in doc)) issues.push({ type: 'missing', loc: [...here, field], msg: 'Field required', input: doc })
  for (const [name, value] of Object.entries(doc)) if (!rules.allowed.has(name)) issues.push(extraForbidden([...here, name], value))
  const value = doc[field]
  if (field in doc && kind === 'image_url' && isObject(value)) {
    if (typeof value.url !== 'string') issues.push(typeIssue([...here, field, 'url'], value.url, 'string'))
  } else if (field in doc && typeof value !== 'string') issues.push(typeIssue([...here, field], value, 'string'))
  return issues
}

function formatIssues(body: Record<string, unknown>, field: string): FieldIssue[] {
  const value = body[field]
  if (value === undefined || value === null) return []
  const loc = ['body', field]
  if (!isObject(value)) return [{ type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input: value }]
  const js = value.json_schema
  if (js !== undefined && js !== null && (!isObject(js) || typeof js.name !== 'string' || !isObject(js.schema))) {
    return [{ type: 'missing', loc: [...loc, 'json_schema'], msg: 'json_schema needs a name and a schema object', input: js }]
  }
  return []
}

function moreIssues(body: Record<string, unknown>): FieldIssue[] {
  const issues: FieldIssue[] = []
  if ('document' in body) issues.push(...documentIssues(body.document))
  if (body.model !== undefined && body.model !== null && typeof body.model !== 'string') issues.push(typeIssue(['body', 'model'], body.model, 'string'))
  const pages = body.pages
  if (pages !== undefined && pages !== null && typeof pages !== 'string' && !(Array.isArray(pages) && pages.every(Number.isInteger))) {
    issues.push(typeIssue(['body', 'pages'], pages, 'list'))
  }
  for (const field of ['include_image_base64', 'extract_header', 'extract_footer', 'include_blocks']) {
    const v = body[field]
    if (v !== undefined && v !== null && typeof v !== 'boolean') issues.push(typeIssue(['body', field], v, 'bool'))
  }
  for (const field of ['image_limit', 'image_min_size']) {
    const v = body[field]
    if (v !== undefined && v !== null && !Number.isInteger(v)) issues.push(typeIssue(['body', field], v, 'int'))
  }
  const enums: [string, string[]][] = [
    ['table_format', ['markdown', 'html']],
    ['confidence_scores_granularity', ['word', 'page', 'block']],
  ]
  for (const [field, allowed] of enums) {
    const v = body[field]
    if (v !== undefined && v !== null && !allowed.includes(v as string)) {
      const expected = allowed.map((a) => `'${a}'`).join(' or ')
      issues.push({ type: 'enum', loc: ['body', field], msg: `Input should be ${expected}`, input: v, ctx: { expected } })
    }
  }
  issues.push(...formatIssues(body, 'bbox_annotation_format'), ...formatIssues(body, 'document_annotation_format'))
  return issues
}

function documentRef(doc: Record<string, unknown>): DocumentRef {
  if ('file_id' in doc) return { type: 'file', fileId: String(doc.file_id) }
  if ('document_url' in doc) return { type: 'document_url', url: String(doc.document_url), name: typeof doc.document_name === 'string' ? doc.document_name : null }
  const image = doc.image_url
  return { type: 'image_url', url: isObject(image) ? String(image.url) : String(image) }
}

const bad = (message: string, param: string | null = null): Rejection => ({
  ok: false,
  status: 400,
  body: { object: 'error', message, type: 'invalid_request_error', param, code: null },
})

/** A json_schema response format, or the 400 for any other type (the spec: "Only json_schema is valid"). */
function annotationFormat(value: unknown, field: string): AnnotationFormat | null | Rejection {
  if (!isObject(value)) return null
  if (value.type !== 'json_schema' || !isObject(value.json_schema)) return bad(`${field}: only the json_schema type is supported`, field)
  const js = value.json_schema as { name: string; schema: Record<string, unknown> }
  return { name: js.name, schema: js.schema }
}

const isRejection = (v: unknown): v is Rejection => isObject(v) && v.ok === false

export function checkOcrRequest(raw: string): OcrCheck {
  const checked = checkJsonBody(OCR_OPERATION, raw, moreIssues)
  if (!checked.ok) return checked
  const b = checked.body
  const bboxFormat = annotationFormat(b.bbox_annotation_format, 'bbox_annotation_format')
  if (isRejection(bboxFormat)) return bboxFormat
  const documentFormat = annotationFormat(b.document_annotation_format, 'document_annotation_format')
  if (isRejection(documentFormat)) return documentFormat
  if (typeof b.document_annotation_prompt === 'string' && !documentFormat) {
    return bad('document_annotation_prompt requires document_annotation_format', 'document_annotation_prompt')
  }
  if (typeof b.model !== 'string') return bad('A model is required', 'model')
  return {
    ok: true,
    request: {
      model: b.model,
      document: documentRef(b.document as Record<string, unknown>),
      pages: (b.pages as OcrRequest['pages']) ?? null,
      includeImageBase64: b.include_image_base64 === true,
      imageLimit: (b.image_limit as number | null) ?? null,
      imageMinSize: (b.image_min_size as number | null) ?? null,
      bboxFormat,
      documentFormat,
      documentPrompt: typeof b.document_annotation_prompt === 'string' ? b.document_annotation_prompt : null,
      tableFormat: (b.table_format as OcrRequest['tableFormat']) ?? null,
      extractHeader: b.extract_header === true,
      extractFooter: b.extract_footer === true,
      // The spec's default is true.
      includeBlocks: b.include_blocks !== false,
      confidence: (b.confidence_scores_granularity as OcrRequest['confidence']) ?? null,
    },
  }
}

/** Page numbers from `pages` ('0,2-4' or [0, 2]), or a 400 naming the first bad one. */
export function selectPages(pages: OcrRequest['pages'], count: number): number[] | Rejection {
  if (pages === null) return Array.from({ length: count }, (_, i) => i)
  const wanted: number[] = []
  if (typeof pages === 'string') {
    for (const part of pages.split(',').map((p) => p.trim()).filter(Boolean)) {
      const m = /^(\d+)(?:-(\d+))?$/.exec(part)
      if (!m) return bad(`Invalid page range: '${part}'`, 'pages')
      const from = Number(m[1])
      const to = Number(m[2] ?? m[1])
      if (to < from) return bad(`Invalid page range: '${part}'`, 'pages')
      for (let p = from; p <= to; p++) wanted.push(p)
    }
  } else wanted.push(...pages)
  const outside = wanted.find((p) => p < 0 || p >= count)
  if (outside !== undefined) return bad(`Page ${outside} is out of range: the document has ${count} pages (numbered from 0)`, 'pages')
  return [...new Set(wanted)].sort((a, b) => a - b)
}

export { bad as badRequest }
