/**
 * Where the API key lives, and the only code that touches it at rest.
 *  - no cipher (browser host): memory only, for this session;
 *  - a strong cipher (OS keychain via safeStorage): ciphertext in settings;
 *  - a weak cipher (Linux basic_text, a hard-coded password): memory only unless the
 *    user opts in with persist: true — VS Code's policy.
 * MISTRAL_API_KEY from the environment is used when nothing else is set and is never written.
 * Nothing returned from here carries the key: status() gives only its last 4 characters.
 */
import { z } from 'zod'
import type { KeyStatus } from '../../../../shared/domain'
import { AppErrorException, appError } from '../../../../shared/errors'
import { NO_KEY_MESSAGE, toAppError } from '../mistral/errors'
import type { Logger, SecretCipher, SettingsStore } from '../../ports'

export const SECRET_SETTING = 'secrets.apiKey'

export interface KeyServiceDeps {
  cipher: SecretCipher | null
  settings: SettingsStore
  envApiKey?: string | undefined
  /** Asks Mistral whether the key works (GET /v1/models); throws the SDK's error if not. */
  validate(key: string): Promise<unknown>
  /** Lets caches keyed by the old key drop it. */
  onKeyReplaced?(oldKey: string): void
  logger: Logger
}

type Held = { key: string; source: 'keychain' | 'memory' }

export class KeyService {
  private held: Held | null

  constructor(private readonly deps: KeyServiceDeps) {
    this.held = this.loadStored()
  }

  /** The key to call Mistral with, or null. Core-internal: never return it over the contract. */
  currentKey(): string | null {
    return this.held?.key ?? this.envKey() ?? null
  }

  /** The key to call Mistral with; without one, the no_key error that sends the user to Settings. */
  requireKey(): string {
    const key = this.currentKey()
    if (!key) throw new AppErrorException(appError('no_key', NO_KEY_MESSAGE))
    return key
  }

  /** Every key this session knows, for redaction. */
  knownKeys(): string[] {
    return [this.held?.key, this.envKey()].filter((k): k is string => !!k)
  }

  status(): KeyStatus {
    const { cipher } = this.deps
    const key = this.currentKey()
    const source = this.held?.source ?? (key ? 'env' : null)
    return {
      set: key !== null,
      last4: key ? key.slice(-4) : null,
      source,
      backend: cipher?.backend ?? 'none',
      weakEncryption: cipher !== null && !cipher.isStrong,
    }
  }

  async set(input: { key: string; persist?: boolean | undefined }): Promise<KeyStatus> {
    const key = input.key.trim()
    try {
      await this.deps.validate(key)
    } catch (err) {
      // Nothing is stored when validation fails; the candidate key is redacted from the message.
      throw new AppErrorException(toAppError(err, [key, ...this.knownKeys()]))
    }
    const previous = this.held?.key
    if (this.shouldPersist(input.persist)) {
      // shouldPersist() is only true with a cipher.
      const cipher = this.deps.cipher as SecretCipher
      this.deps.settings.set(SECRET_SETTING, cipher.encrypt(key).toString('base64'))
      this.held = { key, source: 'keychain' }
    } else {
      // A key stored earlier would come back on restart and silently replace this one.
      this.deps.settings.delete(SECRET_SETTING)
      this.held = { key, source: 'memory' }
    }
    if (previous && previous !== key) this.deps.onKeyReplaced?.(previous)
    this.deps.logger.info('API key set', { source: this.held.source })
    return this.status()
  }

  delete(): KeyStatus {
    const previous = this.held?.key
    this.deps.settings.delete(SECRET_SETTING)
    this.held = null
    if (previous) this.deps.onKeyReplaced?.(previous)
    this.deps.logger.info('API key deleted')
    return this.status()
  }

  private shouldPersist(persist: boolean | undefined): boolean {
    const { cipher } = this.deps
    if (!cipher) return false
    // Strong: store unless the user asked not to. Weak: only when the user opted in.
    return cipher.isStrong ? persist !== false : persist === true
  }

  private envKey(): string | undefined {
    const k = this.deps.envApiKey?.trim()
    return k ? k : undefined
  }

  private loadStored(): Held | null {
    const { cipher, settings, logger } = this.deps
    // Settings come from disk: validate the shape before trusting it.
    const stored = z.string().min(1).safeParse(settings.get(SECRET_SETTING))
    if (!stored.success || !cipher) return null
    try {
      const key = cipher.decrypt(Buffer.from(stored.data, 'base64'))
      return key ? { key, source: 'keychain' } : null
    } catch {
      // E.g. the keychain was reset: the user has to enter the key again; the data is left alone.
      logger.warn('Stored API key could not be decrypted; it must be entered again')
      return null
    }
  }
}
