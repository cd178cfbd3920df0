/**
 * The server choice, kept in settings and applied to the kernel's MistralClient at
 * start-up and on every change. A stored value that no longer parses falls back to the
 * host's default rather than pointing calls somewhere unexpected.
 */
import { z } from 'zod'
import { serverUrlSchema } from '../../../shared/contract/server'
import { REGION_URLS, type ServerRegion, type ServerSettings } from '../../../shared/domain'
import type { MistralClient } from '../kernel/mistral/mistral-client'
import type { SettingsStore } from '../ports'

const SETTING = 'server'
const stored = z.object({ region: z.enum(['default', 'global', 'eu', 'us', 'custom']), customUrl: serverUrlSchema.nullable() })

export class ServerService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly client: MistralClient,
    private readonly defaultUrl: string,
  ) {
    this.client.setServerURL(this.current().url)
  }

  current(): ServerSettings {
    const parsed = stored.safeParse(this.settings.get(SETTING))
    const { region, customUrl } = parsed.success ? parsed.data : { region: 'default' as const, customUrl: null }
    return { region, customUrl, defaultUrl: this.defaultUrl, url: this.urlOf(region, customUrl) }
  }

  set(region: ServerRegion, customUrl: string | undefined): ServerSettings {
    const keptUrl = customUrl ?? this.current().customUrl
    this.settings.set(SETTING, { region, customUrl: keptUrl })
    const next = this.current()
    this.client.setServerURL(next.url)
    return next
  }

  private urlOf(region: ServerRegion, customUrl: string | null): string {
    if (region === 'custom' && customUrl) return customUrl.replace(/\/+$/, '')
    if (region === 'global' || region === 'eu' || region === 'us') return REGION_URLS[region]
    return this.defaultUrl
  }
}
