/**
 * How large one frame from the page may be. Bounded by the contract, not by a guess: the
 * largest valid request is chat.send with 1,000,000 characters of content plus a
 * 100,000-character system prompt, and JSON can spend up to 6 bytes on one UTF-16 unit
 * (`\u0001`, or a lone surrogate), so about 6.6 MB. A frame larger than that cannot be
 * valid, and refusing it from its header (ws checks the announced length before it
 * buffers anything) spares the host tens of megabytes and a long synchronous JSON.parse.
 * frame-limit.test.ts recomputes the bound from every channel's schema, so raising a
 * limit in the contract without raising this one fails there.
 *
 * (It belongs beside WS_PATH in shared/ws-protocol.ts once that file can be edited;
 * only the host enforces it, so it lives with the host for now.)
 */
export const MAX_FRAME_BYTES = 7 * 1024 * 1024
