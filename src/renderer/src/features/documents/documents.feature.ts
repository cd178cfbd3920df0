/** OCR documents: drop or add files, follow the queue, read each page beside the original, search and export. */
import type { Feature } from '../../shell/feature'
import { openDocument, startDocuments } from './documents-store'
import { DOCUMENT_PATTERN, DOCUMENTS_PATH } from './documents-paths'
import { DocumentsScreen } from './DocumentsScreen'
import { listenForDrops } from './drop-anywhere'

export const documentsFeature: Feature = {
  id: 'documents',
  routes: [
    { id: 'documents', path: DOCUMENTS_PATH, screen: DocumentsScreen },
    {
      id: 'documents.open',
      path: DOCUMENT_PATTERN,
      screen: DocumentsScreen,
      enter: ({ params, query }) => {
        const id = params.documentId
        const page = Number(query.page)
        if (id) void openDocument(id, Number.isInteger(page) && page > 0 ? page - 1 : undefined)
      },
    },
  ],
  nav: [{ label: 'Documents', routeId: 'documents', path: DOCUMENTS_PATH }],
  start: () => {
    startDocuments()
    listenForDrops()
  },
}
