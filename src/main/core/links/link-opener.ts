/**
 * Links the user clicks in a reply. Only web links leave the app: file:, javascript:
 * and custom schemes could run something locally. Plain http stays, because GFM
 * autolinks (www.…) produce it.
 */
import { AppErrorException, appError } from '../../../shared/errors'
import type { CorePorts } from '../ports'

const WEB_LINK = new Set(['http:', 'https:'])

export class LinkOpener {
  constructor(private readonly openExternal: CorePorts['openExternal']) {}

  async open(url: string): Promise<{ opened: boolean }> {
    if (!WEB_LINK.has(new URL(url).protocol)) {
      throw new AppErrorException(appError('invalid_input', 'Only web (http or https) links can be opened.'))
    }
    if (!this.openExternal) return { opened: false }
    return { opened: await this.openExternal(url) }
  }
}
