/** Links in replies that the user clicks. */
import { z } from 'zod'
import { channel, returns } from './define'

export const channels = {
  /** Opens an allow-listed https link in the system browser. opened:false where the host cannot. */
  'links.open': channel(z.object({ url: z.string().url().max(2048) }).strict(), returns<{ opened: boolean }>()),
}

export const events = {}
