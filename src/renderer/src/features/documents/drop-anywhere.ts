/**
 * Files dropped anywhere in the window go to the OCR queue, and the documents screen
 * shows. Only drags that carry files are taken; text dragged into a field still works.
 */
import { navigate } from '../../shell/navigation'
import { addFiles } from './documents-store'
import { DOCUMENTS_PATH } from './documents-paths'

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') === true

export function listenForDrops(target: Window = window): () => void {
  const over = (e: DragEvent) => {
    if (!carriesFiles(e)) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'
  }
  const drop = (e: DragEvent) => {
    if (!carriesFiles(e)) return
    e.preventDefault()
    const files = [...(e.dataTransfer?.files ?? [])]
    if (files.length === 0) return
    if (!location.hash.startsWith(`#${DOCUMENTS_PATH}`)) navigate(DOCUMENTS_PATH)
    void addFiles(files)
  }
  target.addEventListener('dragover', over)
  target.addEventListener('drop', drop)
  return () => {
    target.removeEventListener('dragover', over)
    target.removeEventListener('drop', drop)
  }
}
