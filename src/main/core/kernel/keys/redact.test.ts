import { describe, expect, it } from 'vitest'
import { RecordingLogger } from '../../testing/doubles'
import { REDACTED, redact, redactingLogger } from './redact'

const KEY = 'sim-key-0123456789abcdef'
const SHAPED = 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE'

describe('redact', () => {
  it('replaces every occurrence of a known key', () => {
    expect(redact(`k=${KEY}; again ${KEY}`, KEY)).toBe(`k=${REDACTED}; again ${REDACTED}`)
    expect(redact(`k=${KEY}`, [null, undefined, KEY])).toBe(`k=${REDACTED}`)
  })

  it('masks bearer tokens and key-shaped strings it was not told about', () => {
    expect(redact(`Authorization: Bearer ${KEY}`)).toBe(`Authorization: Bearer ${REDACTED}`)
    expect(redact(`leaked ${SHAPED} here`)).toBe(`leaked ${REDACTED} here`)
  })

  it('leaves ordinary text alone', () => {
    const text = 'mistral-small-latest answered in 1234 ms; request 3f2c-11aa'
    expect(redact(text, 'short')).toBe(text)
    expect(redact('a'.repeat(40))).toBe('a'.repeat(40)) // letters only: not key-shaped
  })
})

describe('redactingLogger', () => {
  it('redacts messages and nested data, including errors', () => {
    const inner = new RecordingLogger()
    const log = redactingLogger(inner, () => [KEY])
    log.error(`failed with ${KEY}`, { nested: { list: [KEY] }, error: new Error(`bad ${KEY}`), n: 1 })
    const line = inner.lines.join('\n')
    expect(line).not.toContain(KEY)
    expect(line).toContain('"n":1')
  })
})
