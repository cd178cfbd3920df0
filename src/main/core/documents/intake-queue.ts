/**
 * The OCR queue: each file goes checking → (confirm) → uploading → processing → done,
 * or failed/cancelled, and every change is sent to the window that added it. Nothing
 * is sent before the checks pass; the same bytes, model and options open the stored
 * result without a call; a failed item retries with its upload when it has one.
 */
import { randomUUID } from 'node:crypto'
import type { OCRResponse } from '@mistralai/mistralai/models/components'
import type { OcrOptions, QueueItem } from '../../../shared/domain'
import { DEFAULT_CONFIRM_ABOVE_USD } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { CallContext } from '../dispatch'
import type { Kernel } from '../kernel/kernel'
import { toAppError } from '../kernel/mistral/errors'
import { checkDocument, selectedPageCount } from './document-checks'
import type { DocumentsRepo } from './documents-repo'
import type { OcrPrices } from './ocr-prices'
import { needsUpload, runOcr, uploadForOcr } from './ocr-transport'
import { canonicalOptions } from './ocr-options'
import { pagesFromResponse } from './result-store'

export const CONFIRM_SETTING = 'documents.confirmAboveUsd'

interface Job {
  item: QueueItem
  /** The file as handed in (a dropped path or a finished chunked upload). */
  sourcePath: string
  options: OcrOptions
  ctx: CallContext
  /** The copy in the file store, once checked. */
  stored: { sha256: string; path: string } | null
  fileId: string | null
  abort: AbortController
  /** Removes a temporary source (a chunked upload) once it is in the store. */
  discardSource?: () => void
}

export class IntakeQueue {
  private readonly jobs = new Map<string, Job>()

  constructor(
    private readonly kernel: Kernel,
    private readonly repo: DocumentsRepo,
    private readonly prices: OcrPrices,
  ) {}

  items(): QueueItem[] {
    return [...this.jobs.values()].map((j) => ({ ...j.item }))
  }

  confirmThreshold(usd?: number): number {
    if (usd !== undefined) this.kernel.ports.settings.set(CONFIRM_SETTING, usd)
    const saved = this.kernel.ports.settings.get(CONFIRM_SETTING)
    return typeof saved === 'number' && saved >= 0 ? saved : DEFAULT_CONFIRM_ABOVE_USD
  }

  /** A new item, already checking; its progress arrives as documents.queueChanged events. */
  add(sourcePath: string, fileName: string, options: OcrOptions, ctx: CallContext, discardSource?: () => void): QueueItem {
    const item: QueueItem = {
      id: randomUUID(),
      fileName,
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
    }
    const job: Job = { item, sourcePath, options, ctx, stored: null, fileId: null, abort: new AbortController(), discardSource }
    this.jobs.set(item.id, job)
    // The drop returns at once; the work's outcome reaches the window as events.
    void this.intake(job)
    return { ...item }
  }

  /** Waits until an item has left its working stages (tests and the bench). */
  async settled(itemId: string): Promise<QueueItem> {
    const job = this.job(itemId)
    while (['checking', 'uploading', 'processing'].includes(job.item.stage)) await new Promise((r) => setTimeout(r, 10))
    return { ...job.item }
  }

  confirm(itemId: string): QueueItem {
    const job = this.job(itemId)
    if (job.item.stage !== 'confirm') throw new AppErrorException(appError('invalid_input', `"${job.item.fileName}" is not waiting for confirmation.`))
    void this.send(job)
    return { ...job.item }
  }

  cancel(itemId: string): QueueItem {
    const job = this.job(itemId)
    if (['done', 'failed', 'cancelled'].includes(job.item.stage)) return { ...job.item }
    job.abort.abort()
    this.update(job, { stage: 'cancelled', progress: null, error: null })
    void this.deleteUpload(job)
    return { ...job.item }
  }

  retry(itemId: string): QueueItem {
    const job = this.job(itemId)
    if (job.item.stage !== 'failed' && job.item.stage !== 'cancelled') {
      throw new AppErrorException(appError('invalid_input', `"${job.item.fileName}" has not failed; there is nothing to retry.`))
    }
    job.abort = new AbortController()
    this.update(job, { error: null, retryable: false })
    void (job.stored ? this.send(job) : this.intake(job))
    return { ...job.item }
  }

  clear(): QueueItem[] {
    for (const [id, job] of this.jobs) if (['done', 'failed', 'cancelled'].includes(job.item.stage)) this.jobs.delete(id)
    return this.items()
  }

  private job(itemId: string): Job {
    const job = this.jobs.get(itemId)
    if (!job) throw new AppErrorException(appError('not_found', 'That queue item is gone. Add the file again.'))
    return job
  }

  private update(job: Job, patch: Partial<QueueItem>): void {
    Object.assign(job.item, patch)
    job.ctx.emit('documents.queueChanged', { ...job.item })
  }

  private fail(job: Job, err: unknown): void {
    if (job.abort.signal.aborted) return
    const error = toAppError(err, this.kernel.secrets())
    this.kernel.logger.warn('OCR item failed', { code: error.code, status: error.status ?? null })
    this.update(job, { stage: 'failed', progress: null, error: error.message, retryable: error.retryable || job.stored !== null })
  }

  private async intake(job: Job): Promise<void> {
    try {
      this.update(job, { stage: 'checking', progress: null })
      const checked = await checkDocument(job.sourcePath, job.item.fileName)
      const pages = selectedPageCount(job.options.pages, checked.pages, job.item.fileName)
      const annotated = job.options.annotationSchema !== null
      this.update(job, {
        bytes: checked.bytes,
        kind: checked.kind,
        pages,
        estimateMicroUsd: this.prices.estimate(job.options.model, pages, annotated),
      })
      if (job.abort.signal.aborted) return
      const stored = await this.kernel.files.putFile(job.sourcePath)
      job.stored = { sha256: stored.sha256, path: stored.path }
      job.discardSource?.()
      const cached = this.repo.findCached(stored.sha256, job.options.model, canonicalOptions(job.options))
      if (cached) return this.update(job, { stage: 'done', progress: 1, documentId: cached.id, cached: true })
      const estimate = job.item.estimateMicroUsd
      if (estimate !== null && estimate > this.confirmThreshold() * 1_000_000) return this.update(job, { stage: 'confirm' })
      await this.send(job)
    } catch (err) {
      this.fail(job, err)
    }
  }

  private async send(job: Job): Promise<void> {
    const stored = job.stored
    const { kind, bytes } = job.item
    if (!stored || !kind || bytes === null) return
    const signal = job.abort.signal
    try {
      const sdk = this.kernel.client.sdkFor(this.kernel.keys.requireKey())
      if (needsUpload(bytes) && !job.fileId) {
        this.update(job, { stage: 'uploading', progress: null })
        job.fileId = await uploadForOcr(sdk, stored.path, job.item.fileName, kind, signal)
        if (signal.aborted) return void this.deleteUpload(job)
      }
      this.update(job, { stage: 'processing', progress: null })
      const res = await runOcr(sdk, { path: stored.path, kind, bytes, fileId: job.fileId }, job.options, signal)
      if (signal.aborted) return
      const documentId = this.save(job, res)
      await this.deleteUpload(job)
      this.update(job, { stage: 'done', progress: 1, documentId })
    } catch (err) {
      this.fail(job, err)
    }
  }

  private save(job: Job, res: OCRResponse): string {
    const stored = job.stored!
    const id = randomUUID()
    const pagesProcessed = res.usageInfo.pagesProcessed
    const now = this.kernel.clock.now()
    this.repo.insert(
      {
        id,
        name: job.item.fileName,
        kind: job.item.kind!,
        sha256: stored.sha256,
        bytes: job.item.bytes!,
        model: job.options.model,
        optionsJson: canonicalOptions(job.options),
        pageCount: res.pages.length,
        pagesProcessed,
        annotation: res.documentAnnotation ?? null,
        createdAt: now,
      },
      pagesFromResponse(res, this.kernel.files),
    )
    this.kernel.usage.record({
      kind: 'ocr',
      at: now,
      model: job.options.model,
      returnedModel: res.model !== job.options.model ? res.model : null,
      usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
      pages: pagesProcessed,
      annotatedPages: job.options.annotationSchema ? pagesProcessed : 0,
      conversationId: null,
      documentId: id,
      messageId: null,
      requestId: null,
    })
    return id
  }

  /** The upload has served its purpose (or the item was cancelled); a failure to delete is only logged. */
  private async deleteUpload(job: Job): Promise<void> {
    const fileId = job.fileId
    if (!fileId) return
    job.fileId = null
    try {
      await this.kernel.client.sdkFor(this.kernel.keys.requireKey()).files.delete({ fileId })
    } catch (err) {
      this.kernel.logger.warn('Could not delete an OCR upload', { code: toAppError(err, this.kernel.secrets()).code })
    }
  }
}
