/**
 * A hostile or broken client must cost the browser host one socket, never the process:
 * each RFC 6455 violation below gets its socket closed with the code the RFC names,
 * while a socket opened before them keeps being served and new ones are still let in.
 * Raw bytes over node:net, because no WebSocket library will send these frames.
 */
import { closePayload, frame, OPCODE, rawUpgrade, serverMessages } from './fixtures/raw-socket'
import { openClient } from './fixtures/ws-client'
import { expect, test } from './fixtures/app'

const PROTOCOL_ERROR = 1002
const INVALID_DATA = 1007
const POLICY_VIOLATION = 1008
const TOO_BIG = 1009

const text = (payload: string | Buffer, extra: Partial<Parameters<typeof frame>[0]> = {}) =>
  frame({ opcode: OPCODE.text, payload: typeof payload === 'string' ? Buffer.from(payload) : payload, ...extra })

const violations: { name: string; bytes: () => Buffer; code: number }[] = [
  { name: 'invalid UTF-8 in a text frame', bytes: () => text(Buffer.from([0x7b, 0xff, 0xfe, 0x7d])), code: INVALID_DATA },
  { name: 'RSV1 set without an extension', bytes: () => text('{}', { rsv: 0b100 }), code: PROTOCOL_ERROR },
  { name: 'RSV2 and RSV3 set', bytes: () => text('{}', { rsv: 0b011 }), code: PROTOCOL_ERROR },
  { name: 'unknown data opcode 0x3', bytes: () => frame({ opcode: 0x3, payload: Buffer.from('{}') }), code: PROTOCOL_ERROR },
  { name: 'unknown control opcode 0xB', bytes: () => frame({ opcode: 0xb }), code: PROTOCOL_ERROR },
  { name: 'unmasked client frame', bytes: () => text('{}', { mask: false }), code: PROTOCOL_ERROR },
  { name: 'close code 999', bytes: () => frame({ opcode: OPCODE.close, payload: closePayload(999) }), code: PROTOCOL_ERROR },
  { name: 'reserved close code 1005', bytes: () => frame({ opcode: OPCODE.close, payload: closePayload(1005) }), code: PROTOCOL_ERROR },
  { name: 'one-byte close payload', bytes: () => frame({ opcode: OPCODE.close, payload: Buffer.from([3]) }), code: PROTOCOL_ERROR },
  {
    name: 'invalid UTF-8 in a close reason',
    bytes: () => frame({ opcode: OPCODE.close, payload: closePayload(1000, Buffer.from([0xc3, 0x28])) }),
    code: INVALID_DATA,
  },
  { name: 'control frame over 125 bytes', bytes: () => frame({ opcode: OPCODE.ping, payload: Buffer.alloc(126) }), code: PROTOCOL_ERROR },
  { name: 'fragmented ping', bytes: () => frame({ opcode: OPCODE.ping, fin: false }), code: PROTOCOL_ERROR },
  { name: 'continuation with nothing to continue', bytes: () => frame({ opcode: OPCODE.continuation, payload: Buffer.from('{}') }), code: PROTOCOL_ERROR },
  {
    name: 'a new message inside a fragmented one',
    bytes: () => Buffer.concat([text('{"kind"', { fin: false }), text(':"invoke"}')]),
    code: PROTOCOL_ERROR,
  },
  { name: 'length over 2^53 - 1', bytes: () => text('', { claimedLength: 2n ** 62n }), code: TOO_BIG },
  { name: 'length of 70 MB, announced only', bytes: () => text('', { claimedLength: 70n * 1024n * 1024n }), code: TOO_BIG },
]

test('every protocol violation closes only its own socket, with the RFC 6455 code', async ({ host }) => {
  test.setTimeout(60_000)
  const bystander = await openClient(host)
  expect((await bystander.invoke('keys.status', {})).result).toMatchObject({ ok: true })

  const seen: Record<string, number | null> = {}
  for (const violation of violations) {
    const raw = await rawUpgrade({ port: host.port, headers: host.upgradeHeaders(), protocols: host.wsProtocols() })
    raw.write(violation.bytes())
    seen[violation.name] = await raw.closed
    // The host is still up and still serves the socket that behaved.
    expect((await bystander.invoke('keys.status', {})).result, `after ${violation.name}`).toMatchObject({ ok: true })
  }
  expect(seen).toEqual(Object.fromEntries(violations.map((v) => [v.name, v.code])))

  // New sockets are still accepted, and nothing was logged as a crash.
  const late = await openClient(host)
  expect((await late.invoke('keys.status', {})).result).toMatchObject({ ok: true })
  expect(host.output()).not.toMatch(/Unhandled|uncaught|RangeError: /i)
  late.ws.close()
  bystander.ws.close()
})

test('a malformed JSON frame is a policy violation for that socket only', async ({ host }) => {
  const bystander = await openClient(host)
  const raw = await rawUpgrade({ port: host.port, headers: host.upgradeHeaders(), protocols: host.wsProtocols() })
  raw.write(text('not json'))
  expect(await raw.closed).toBe(POLICY_VIOLATION)
  expect((await bystander.invoke('keys.status', {})).result).toMatchObject({ ok: true })
  bystander.ws.close()
})

test('a socket dropped for a protocol error stops its stream: the reply is not left "streaming"', async ({ host, sim }) => {
  const client = await openClient(host)
  expect((await client.invoke('keys.set', { key: sim.key })).result).toMatchObject({ ok: true })
  // The reply stays open long enough for the socket to die under it.
  sim.injectFault({ kind: 'slow-first-token', delayMs: 10_000 })

  const raw = await rawUpgrade({ port: host.port, headers: host.upgradeHeaders(), protocols: host.wsProtocols() })
  const invoke = { kind: 'invoke', id: 1, channel: 'chat.send', input: { model: 'ministral-8b-2512', content: 'Hello' } }
  raw.write(text(JSON.stringify(invoke)))
  let started: { conversationId: string; assistantMessageId: string } | undefined
  await expect
    .poll(() => {
      const result = serverMessages(raw).find((m) => (m as { id?: number }).id === 1) as
        | { result: { ok: boolean; value: typeof started } }
        | undefined
      started = result?.result.value
      return result?.result.ok
    })
    .toBe(true)
  const replyStatus = async () => {
    const frame = await client.invoke('conversations.get', { id: started?.conversationId })
    const conversation = (frame.result as { ok: true; value: { messages: { id: string; status: string }[] } }).value
    return conversation.messages.find((m) => m.id === started?.assistantMessageId)?.status
  }
  expect(await replyStatus()).toBe('streaming')

  raw.write(text('', { claimedLength: 70n * 1024n * 1024n }))
  expect(await raw.closed).toBe(TOO_BIG)
  await expect.poll(replyStatus).not.toBe('streaming')
  expect(await replyStatus()).toMatch(/^(stopped|interrupted)$/)
  client.ws.close()
})
