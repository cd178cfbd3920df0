import { describe, expect, it } from 'vitest'
import { escapeHtml, isInlineImageSrc, safeHref } from './urls'

describe('safeHref', () => {
  it('accepts http and https, normalized', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/')
    expect(safeHref(' http://example.com/a b ')).toBe('http://example.com/a%20b')
  })

  it('rejects every other scheme and relative URLs', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'mailto:a@b.c', '/relative', '#top', 'vbscript:x']) {
      expect(safeHref(url), url).toBeNull()
    }
  })
})

describe('isInlineImageSrc', () => {
  it('allows data images and blob URLs only', () => {
    expect(isInlineImageSrc('data:image/png;base64,AAAA')).toBe(true)
    expect(isInlineImageSrc('blob:http://127.0.0.1/1234')).toBe(true)
    expect(isInlineImageSrc('https://example.com/a.png')).toBe(false)
    expect(isInlineImageSrc('data:text/html;base64,AAAA')).toBe(false)
    expect(isInlineImageSrc('javascript:alert(1)')).toBe(false)
  })
})

it('escapeHtml escapes markup and quotes', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
})
