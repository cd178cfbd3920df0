/** Saving presets: with an id it updates that preset, without one it creates one. */
import { randomUUID } from 'node:crypto'
import type { ParsedInput } from '../../../shared/contract'
import type { Preset } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { Clock } from '../ports'
import type { PresetsRepo } from './presets-repo'

export class PresetsService {
  constructor(
    private readonly repo: PresetsRepo,
    private readonly clock: Clock,
  ) {}

  list(): Preset[] {
    return this.repo.list()
  }

  save({ id, ...fields }: ParsedInput<'presets.save'>): Preset {
    if (id === undefined) return this.repo.insert(randomUUID(), fields, this.clock.now())
    const updated = this.repo.update(id, fields, this.clock.now())
    if (!updated) throw new AppErrorException(appError('not_found', 'This preset no longer exists.'))
    return updated
  }

  delete(id: string): { deleted: boolean } {
    return { deleted: this.repo.delete(id) }
  }
}
