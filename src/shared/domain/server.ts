/** Which Mistral API server the app calls: a region, a custom URL, or the host's default. */

/** `default` is the host's server (Electron: api.mistral.ai; browser host: its --server-url). */
export type ServerRegion = 'default' | 'global' | 'eu' | 'us' | 'custom'

export const REGION_URLS: Readonly<Record<'global' | 'eu' | 'us', string>> = {
  global: 'https://api.mistral.ai',
  eu: 'https://api.eu.mistral.ai',
  us: 'https://api.us.mistral.ai',
}

export interface ServerSettings {
  region: ServerRegion
  /** Kept while another region is chosen, so switching back does not lose it. */
  customUrl: string | null
  /** The host's default, shown beside the "default" choice. */
  defaultUrl: string
  /** Where calls go now. */
  url: string
}
