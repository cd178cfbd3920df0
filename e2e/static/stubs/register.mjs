// `node --import ./register.mjs out/main/index.js`: installs the resolve hook below
// before the bundle loads, so its `import ... from 'electron'` gets the stub.
import { register } from 'node:module'

register('./electron-loader.mjs', import.meta.url)
