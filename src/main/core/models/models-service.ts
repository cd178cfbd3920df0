/**
 * The Models screen's logic: the list (fresh, or the saved one when Mistral cannot be
 * reached), catalog prices, alias resolution and pin advice, and the account's
 * fine-tuned models (rename, archive, unarchive, delete) through the official SDK.
 */
import type { Mistral } from '@mistralai/mistralai'
import type { AliasResolution, ModelCatalogView, ModelPrice, ModelSummary, PinAdvice } from '../../../shared/domain'
import { AppErrorException } from '../../../shared/errors'
import { toAppError } from '../kernel/mistral/errors'
import type { Clock } from '../ports'
import { keyRef } from './key-ref'
import type { ModelsCacheRepo } from './models-cache-repo'
import { aliasResolutions, pinAdvice } from './pin-advice'

export interface ModelsDeps {
  listModels(apiKey: string, opts: { refresh: boolean }): Promise<ModelSummary[]>
  sdkFor(apiKey: string): Mistral
  requireKey(): string
  secrets(): readonly string[]
  repo: ModelsCacheRepo
  clock: Clock
  prices: ReadonlyMap<string, ModelPrice>
}

export class ModelsService {
  /** The list last saved per key hash, so an unchanged in-memory list is not rewritten. */
  private readonly saved = new Map<string, ModelSummary[]>()

  constructor(private readonly deps: ModelsDeps) {}

  async browse(refresh = false): Promise<ModelCatalogView> {
    const key = this.deps.requireKey()
    const ref = keyRef(key)
    try {
      const models = await this.deps.listModels(key, { refresh })
      if (this.saved.get(ref) !== models) {
        this.deps.repo.put(ref, this.deps.clock.now(), models)
        this.saved.set(ref, models)
      }
      return { models: this.priced(models), fetchedAt: this.deps.repo.get(ref)?.fetchedAt ?? this.deps.clock.now(), offline: false }
    } catch (err) {
      const error = toAppError(err, this.deps.secrets())
      const saved = error.code === 'network' ? this.deps.repo.get(ref) : null
      if (!saved) throw new AppErrorException(error)
      return { models: this.priced(saved.models), fetchedAt: saved.fetchedAt, offline: true }
    }
  }

  async list(refresh = false): Promise<ModelSummary[]> {
    return (await this.browse(refresh)).models
  }

  async aliases(): Promise<AliasResolution[]> {
    return aliasResolutions(await this.list())
  }

  async advise(models: readonly string[]): Promise<PinAdvice[]> {
    const list = await this.list()
    const now = this.deps.clock.now()
    return models.map((m) => pinAdvice(list, m, now))
  }

  async rename(modelId: string, name: string, description: string | null): Promise<ModelSummary[]> {
    await this.sdk().models.update({ modelId, updateModelRequest: { name, description } })
    return this.list(true)
  }

  async setArchived(modelId: string, archived: boolean): Promise<ModelSummary[]> {
    const sdk = this.sdk()
    await (archived ? sdk.models.archive({ modelId }) : sdk.models.unarchive({ modelId }))
    return this.list(true)
  }

  async delete(modelId: string): Promise<ModelSummary[]> {
    await this.sdk().models.delete({ modelId })
    return this.list(true)
  }

  private sdk(): Mistral {
    return this.deps.sdkFor(this.deps.requireKey())
  }

  private priced(models: ModelSummary[]): ModelSummary[] {
    const { prices } = this.deps
    return models.map((m) => {
      // A fine-tune is billed at its own rates, which the catalog does not list.
      const price = m.fineTuned ? null : (prices.get(m.id) ?? m.aliases.map((a) => prices.get(a)).find(Boolean) ?? null)
      return { ...m, price }
    })
  }
}
