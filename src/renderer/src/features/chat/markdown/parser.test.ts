import { describe, expect, it } from 'vitest'
import { markdownToHtml } from './parser'

const katexCount = (html: string) => (html.match(/class="katex"/g) ?? []).length

describe('markdownToHtml', () => {
  it('renders GFM tables in a scrolling wrapper, task lists and strikethrough', () => {
    const html = markdownToHtml('| a | b |\n|---|---|\n| 1 | 2 |')
    expect(html).toMatch(/^<div class="md-table"><table>/)
    expect(html).toContain('<td>1</td>')
    const tasks = markdownToHtml('- [x] done\n- [ ] todo')
    expect(tasks).toContain('<input type="checkbox" disabled checked aria-label="Done">')
    expect(tasks).toContain('<input type="checkbox" disabled aria-label="Not done">')
    expect(markdownToHtml('~~old~~')).toContain('<del>old</del>')
  })

  it('gives code blocks a language label, a Copy code button and highlighting', () => {
    const html = markdownToHtml('```ts title=a.ts\nconst x: number = 1\n```')
    expect(html).toContain('<span class="md-code__lang">ts</span>')
    expect(html).toContain('<button type="button" class="md-code__copy">')
    expect(html).toContain('Copy<span class="visually-hidden"> code</span>')
    expect(html).toContain('<code class="hljs language-ts"><span class="hljs-keyword">const</span>')
  })

  it('escapes code in unknown languages and labels unlabeled blocks "text"', () => {
    const html = markdownToHtml('```nosuchlang\n<b>&</b>\n```')
    expect(html).toContain('<span class="md-code__lang">nosuchlang</span>')
    expect(html).toContain('<code class="hljs">&lt;b&gt;&amp;&lt;/b&gt;</code>')
    expect(markdownToHtml('```\nplain words here\n```')).toContain('<span class="md-code__lang">text</span>')
  })

  it('renders an unclosed fence (a streaming tail) as a code block so far', () => {
    expect(markdownToHtml('```js\nlet a = ')).toContain('<span class="md-code__lang">js</span>')
  })

  it('renders inline and display math with every delimiter', () => {
    expect(katexCount(markdownToHtml('Inline $x^2$ here.'))).toBe(1)
    expect(katexCount(markdownToHtml('Inline \\(a+b\\) here.'))).toBe(1)
    for (const display of ['$$\nE = mc^2\n$$', '\\[\nE = mc^2\n\\]', '\\[ E = mc^2 \\]', '$$E = mc^2$$']) {
      const html = markdownToHtml(display)
      expect(html, display).toContain('katex-display')
      expect(html, display).not.toContain('<p>')
    }
    const inParagraph = markdownToHtml('The formula:\n$$\nE = mc^2\n$$')
    expect(inParagraph).toContain('katex-display')
    expect(markdownToHtml('```math\nx^2\n```')).toContain('katex-display')
  })

  it('leaves currency alone', () => {
    for (const text of ['It costs $5 and $10.', 'From $5 to $6, or $20 total', 'Pay $5, $10 or $15']) {
      const html = markdownToHtml(text)
      expect(html, text).not.toContain('katex')
      expect(html, text).toContain('$5')
    }
  })

  it('shows bad TeX as an error, not an exception', () => {
    expect(markdownToHtml('$\\frac{1$ x')).not.toContain('katex-display')
    expect(markdownToHtml('$$\n\\frac{1\n$$')).toContain('katex-error')
  })

  it('keeps math untrusted: no \\href', () => {
    expect(markdownToHtml('$\\href{javascript:alert(1)}{x}$ ')).not.toContain('href="javascript')
  })

  it('makes only http(s) links live, with the URL as title', () => {
    const html = markdownToHtml('[ok](https://example.com/a) [js](javascript:alert(1)) [mail](mailto:a@b.c) [rel](/x) www.example.org')
    expect(html).toContain('<a class="md-link" href="https://example.com/a" title="https://example.com/a">ok</a>')
    expect(html).toContain('<span class="md-link md-link--inert">js</span>')
    expect(html).toContain('<span class="md-link md-link--inert">mail</span>')
    expect(html).toContain('<span class="md-link md-link--inert">rel</span>')
    expect(html).toContain('href="http://www.example.org/"')
    expect(html).not.toContain('javascript:')
  })

  it('shows inline images, and remote ones as a link with their alt text', () => {
    expect(markdownToHtml('![dot](data:image/png;base64,AAAA)')).toContain('<img class="md-image" src="data:image/png;base64,AAAA" alt="dot">')
    const remote = markdownToHtml('![A chart](https://example.com/c.png)')
    expect(remote).not.toContain('<img')
    expect(remote).toContain('<a class="md-link md-image-link" href="https://example.com/c.png"')
    expect(remote).toContain('A chart</a>')
    expect(markdownToHtml('![x](javascript:alert(1))')).not.toMatch(/<img|<a /)
  })

  it('shows raw HTML from the model as text', () => {
    const block = markdownToHtml('<script>alert(1)</script>')
    expect(block).toBe('<p class="md-raw">&lt;script&gt;alert(1)&lt;/script&gt;</p>\n')
    const inline = markdownToHtml('An <img src=x onerror="alert(1)"> tag and a line<br>break')
    expect(inline).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(inline).toContain('line<br>break')
  })

  it('resolves reference links through the definitions passed in', () => {
    expect(markdownToHtml('See [the docs][d].', '[d]: https://docs.example/')).toContain('href="https://docs.example/"')
  })
})
