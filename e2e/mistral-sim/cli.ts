// `npm run sim -- --port P --key K [--rate R]`: the simulator as its own
// process, for e2e runs that drive it through the /__sim control endpoints.
import { parseArgs } from 'node:util'
import { DEFAULT_SIM_KEY, startSimulator } from './server'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string', default: DEFAULT_SIM_KEY },
    rate: { type: 'string', default: '0' },
  },
})

const port = Number(values.port)
const rate = Number(values.rate)
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0..65535, got ${values.port}`)
if (!Number.isFinite(rate) || rate < 0) fail(`--rate must be a number >= 0, got ${values.rate}`)

const sim = await startSimulator({ port, key: values.key, tokensPerSecond: rate })
console.log(`Mistral simulator listening on ${sim.url} (key: ${sim.key})`)

let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  sim.close().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}
