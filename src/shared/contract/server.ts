/** The Mistral API server the app calls: region (global, EU, US), a custom URL, or the host's default. */
import { z } from 'zod'
import type { ServerSettings } from '../domain'
import { channel, empty, returns } from './define'

/** A proxy or self-hosted server: http(s), no credentials in the URL (the key goes in a header). */
export const serverUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .url('Enter a full URL, like https://proxy.example.com.')
  .refine((u) => /^https?:$/.test(parsed(u)?.protocol ?? ''), 'The server URL must start with https:// or http://.')
  .refine((u) => !parsed(u)?.username && !parsed(u)?.password, 'Leave credentials out of the URL; the API key is sent separately.')

function parsed(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

export const channels = {
  'server.get': channel(empty, returns<ServerSettings>()),
  'server.set': channel(
    z
      .object({ region: z.enum(['default', 'global', 'eu', 'us', 'custom']), customUrl: serverUrlSchema.optional() })
      .strict()
      .refine((v) => v.region !== 'custom' || v.customUrl !== undefined, { message: 'A custom server needs its URL.', path: ['customUrl'] }),
    returns<ServerSettings>(),
  ),
}

export const events = {}
