/* global window, document, performance, location, MutationObserver, PerformanceObserver, MessageChannel, NodeFilter, Element, CSS, requestAnimationFrame, sessionStorage */
/**
 * Runs inside the renderer's page, installed with page.addInitScript({ path }) before any
 * app script. Plain JavaScript on purpose: tsx compiles the bench with esbuild's keepNames,
 * which wraps functions in a __name() helper that does not exist in the page.
 *
 * Everything lives on window.__bench. Times are performance.now() of the page unless the
 * name says epoch (performance.timeOrigin + now(), comparable with the bench process).
 * Elements are found the way a user names them (role=log "Messages", label "Message"),
 * so the probe keeps working while the renderer changes underneath it.
 */
;(() => {
  const config = window.__benchConfig || {}
  const bench = {
    ws: [],
    longTasks: [],
    animationFrames: [],
    reply: null,
    open: null,
    startup: null,
  }
  window.__bench = bench

  // --- WebSocket frames main -> page, counted as the page receives them --------------------
  const Native = window.WebSocket
  let ownSocket = false
  class CountingWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      if (ownSocket) return
      // Registered before the app can set onmessage, so this runs first for every frame.
      this.addEventListener('message', (ev) => {
        const t = performance.now()
        const frame = { t, bytes: typeof ev.data === 'string' ? ev.data.length : 0, kind: null, event: null }
        try {
          const parsed = JSON.parse(ev.data)
          frame.kind = parsed.kind
          frame.event = parsed.event || null
          if (parsed.kind === 'event' && parsed.event === 'chat.stream' && parsed.payload) {
            const p = parsed.payload
            frame.type = p.type
            frame.requestId = p.requestId
            frame.conversationId = p.conversationId
            frame.messageId = p.messageId
            if (p.type === 'delta') frame.text = p.text
          }
        } catch {
          // Not JSON: still a frame that crossed.
        }
        bench.ws.push(frame)
      })
    }
  }
  window.WebSocket = CountingWebSocket

  /** Calls a channel over a socket of our own (not counted), e.g. to read the stored reply. */
  bench.invoke = (channel, input) =>
    new Promise((resolve, reject) => {
      ownSocket = true
      // The app's own handshake (src/renderer/src/ws-bridge.ts): our subprotocol and this tab's token.
      const token = sessionStorage.getItem('mdesk.token')
      const protocols = token ? ['mdesk.v1', `mdesk.token.${token}`] : ['mdesk.v1']
      const socket = new Native(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`, protocols)
      ownSocket = false
      const timer = setTimeout(() => reject(new Error(`bench invoke ${channel}: no answer`)), 15000)
      socket.onopen = () => socket.send(JSON.stringify({ kind: 'invoke', id: 1, channel, input }))
      socket.onmessage = (ev) => {
        const frame = JSON.parse(ev.data)
        if (frame.kind !== 'result' || frame.id !== 1) return
        clearTimeout(timer)
        socket.close()
        resolve(frame.result)
      }
      socket.onerror = () => {
        clearTimeout(timer)
        reject(new Error(`bench invoke ${channel}: socket error`))
      }
    })

  // --- Long tasks and long animation frames, buffered from page start ----------------------
  const observe = (type, sink, map) => {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) sink.push(map(e))
      }).observe({ type, buffered: true })
    } catch {
      // An entry type this Chromium does not know: the list stays empty.
    }
  }
  observe('longtask', bench.longTasks, (e) => ({ start: e.startTime, duration: e.duration }))
  // A long animation frame says where its time went: the scripts that ran (by file and
  // function) and the rendering at its end (rAF callbacks, style, layout, paint).
  const frameEnd = (e) => e.startTime + e.duration
  observe('long-animation-frame', bench.animationFrames, (e) => ({
    start: e.startTime,
    duration: e.duration,
    blocking: e.blockingDuration || 0,
    rendering: e.renderStart ? frameEnd(e) - e.renderStart : 0,
    styleAndLayout: e.styleAndLayoutStart ? frameEnd(e) - e.styleAndLayoutStart : 0,
    scripts: [...(e.scripts || [])]
      .sort((a, b) => b.duration - a.duration)
      .slice(0, 3)
      .map((sc) => ({
        invoker: sc.invoker,
        source: `${(sc.sourceURL || '').split('/').pop()}${sc.sourceFunctionName ? `:${sc.sourceFunctionName}` : ''}`,
        duration: sc.duration,
        forcedStyleAndLayout: sc.forcedStyleAndLayoutDuration || 0,
      })),
  }))

  // --- Finding things by their accessible names ---------------------------------------------
  const log = () => document.querySelector('[role="log"][aria-label="Messages"]') || document.querySelector('[role="log"]')
  const ITEM = 'article, [role="article"], [role="listitem"]'
  /** The last message in the log (the streaming reply, or the newest message after opening). */
  const lastItem = () => {
    const l = log()
    if (!l) return null
    const items = l.querySelectorAll(ITEM)
    return items.length ? items[items.length - 1] : l
  }
  const composer = () => {
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim() === 'Message' && label.control) return label.control
    }
    return document.querySelector('[aria-label="Message"]')
  }
  const enabled = (el) => !!el && !el.disabled && el.getAttribute('aria-disabled') !== 'true'
  const sidebar = () => document.querySelector('nav[aria-label="Conversations"]') || document.querySelector('nav')
  const norm = (s) => s.replace(/\s+/g, ' ').trim()

  /** Calls back after the next frame has been rendered: DOM time plus style, layout and paint. */
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => cb(performance.now())
      channel.port2.postMessage(null)
    })

  const watch = (check) => {
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect()
    })
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
    if (check()) observer.disconnect()
    return observer
  }

  // --- A streamed reply: from the click on Send to its first and its final text ------------
  /**
   * The simulator's reply starts with "Echo: " and only its last token has a full stop, so
   * "first text" is the first time "Echo:" shows in the newest message, and "final text"
   * the first time a "." follows it. The prompt must hold no "Echo:" and no ".".
   */
  bench.armReply = () => {
    const state = { clickAt: null, firstAt: null, firstPaintAt: null, finalAt: null, finalPaintAt: null, text: null, mutations: 0 }
    bench.reply = state
    const onClick = (ev) => {
      const button = ev.target instanceof Element ? ev.target.closest('button') : null
      const isSend = button && (button.textContent.trim() === 'Send' || button.getAttribute('aria-label') === 'Send')
      if (state.clickAt === null && isSend) state.clickAt = performance.now()
    }
    document.addEventListener('click', onClick, { capture: true })
    const observer = new MutationObserver(() => {
      if (state.clickAt === null) return
      state.mutations++
      const now = performance.now()
      const item = lastItem()
      const text = item ? item.textContent : ''
      const at = text.indexOf('Echo:')
      if (at < 0) return
      if (state.firstAt === null) {
        state.firstAt = now
        afterPaint((t) => (state.firstPaintAt = t))
      }
      const reply = text.slice(at)
      const stop = reply.indexOf('.')
      if (stop >= 0) {
        state.finalAt = now
        state.text = norm(reply.slice(0, stop + 1))
        afterPaint((t) => (state.finalPaintAt = t))
        observer.disconnect()
        document.removeEventListener('click', onClick, { capture: true })
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  }

  // --- Opening a conversation: from the click to its last message being shown -------------
  bench.armOpen = (marker) => {
    const state = { clickAt: null, domAt: null, paintAt: null }
    bench.open = state
    const onClick = () => {
      if (state.clickAt !== null) return
      state.clickAt = performance.now()
      document.removeEventListener('click', onClick, { capture: true })
      watch(() => {
        const item = lastItem()
        if (!item || !item.textContent.includes(marker)) return false
        state.domAt = performance.now()
        afterPaint((t) => (state.paintAt = t))
        return true
      })
    }
    document.addEventListener('click', onClick, { capture: true })
  }

  // --- Cold start: the sidebar lists conversations and the composer takes input -----------
  if (config.startup) {
    const { newestTitle } = config.startup
    bench.startup = { readyEpoch: null, readyPaintEpoch: null }
    const ready = () => {
      if (!enabled(composer())) return false
      const nav = sidebar()
      if (!nav) return false
      // With conversations: the newest one's button; with none: the empty-list hint.
      if (newestTitle) return !!nav.querySelector(`[title="${CSS.escape(newestTitle)}"]`) || nav.textContent.includes(newestTitle)
      return /no conversations/i.test(nav.textContent)
    }
    const start = () =>
      watch(() => {
        if (!ready()) return false
        bench.startup.readyEpoch = performance.timeOrigin + performance.now()
        afterPaint((t) => (bench.startup.readyPaintEpoch = performance.timeOrigin + t))
        return true
      })
    if (document.documentElement) start()
    else document.addEventListener('readystatechange', start, { once: true })
  }

  bench.domStats = () => {
    let nodes = 0
    const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL)
    while (walker.nextNode()) nodes++
    return { nodes: nodes + 1, elements: document.getElementsByTagName('*').length }
  }
  bench.replyText = () => {
    const item = lastItem()
    return item ? norm(item.textContent) : ''
  }
  bench.composerEnabled = () => enabled(composer())
  /** Scrolls the sidebar's list one screen down, for a list that renders only what is in view. */
  bench.scrollSidebar = () => {
    const nav = sidebar()
    if (!nav) return false
    const scroller = [nav, ...nav.querySelectorAll('*')].find((e) => e.scrollHeight > e.clientHeight + 2)
    if (!scroller || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return false
    scroller.scrollTop += Math.max(100, scroller.clientHeight - 40)
    return true
  }
})()
