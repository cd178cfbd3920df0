// The simulator as its own process (`npm run sim`).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Mistral } from '@mistralai/mistralai'
import { describe, expect, it } from 'vitest'

describe('cli', () => {
  it('prints the listening line, serves, and exits on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url))
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url))
    const child = spawn(tsx, [cli, '--port', '0', '--key', 'cli-key-123'], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string]
      const match = /^Mistral simulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(key: cli-key-123\)$/.exec(line)
      expect(match).not.toBeNull()
      const client = new Mistral({ apiKey: 'cli-key-123', serverURL: match?.[1] })
      expect((await client.models.list()).data?.length).toBeGreaterThan(10)
    } finally {
      child.kill('SIGTERM')
    }
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
  })
})
