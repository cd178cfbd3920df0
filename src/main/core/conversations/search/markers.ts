/** Private-use characters around each hit, so the renderer can highlight without parsing HTML. */
export const HIT_START = '\uE000'
export const HIT_END = '\uE001'
