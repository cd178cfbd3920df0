/** Where documents live in the address: '/documents', and '/documents/<id>?page=N' (N from 1). */
import { buildPath } from '../../shell/router'

export const DOCUMENTS_PATH = '/documents'
export const DOCUMENT_PATTERN = '/documents/:documentId'

export function documentPath(documentId: string, pageNumber?: number): string {
  return buildPath(DOCUMENT_PATTERN, { documentId }, pageNumber ? { page: String(pageNumber) } : {})
}
