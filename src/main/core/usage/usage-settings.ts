/** The currency the user reads spend in, and the time zone months follow. Small JSON settings, no secret. */
import type { Currency, UsageSettings } from '../../../shared/domain'
import { AppErrorException, appError } from '../../../shared/errors'
import type { SettingsStore } from '../ports'
import { isTimeZone } from './calendar'

const KEY = 'usage'
const hostZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

export class UsageSettingsStore {
  constructor(private readonly settings: SettingsStore) {}

  get(): UsageSettings {
    const saved = (this.settings.get(KEY) ?? {}) as Partial<UsageSettings>
    const currency: Currency = saved.currency === 'EUR' ? 'EUR' : 'USD'
    const timeZone = saved.timeZone && isTimeZone(saved.timeZone) ? saved.timeZone : hostZone()
    return { currency, timeZone }
  }

  save(change: Partial<UsageSettings>): UsageSettings {
    if (change.timeZone !== undefined && !isTimeZone(change.timeZone)) {
      throw new AppErrorException(appError('invalid_input', `"${change.timeZone}" is not a time zone this system knows (e.g. Europe/Paris).`))
    }
    const next = { ...this.get(), ...change }
    this.settings.set(KEY, next)
    return next
  }
}
