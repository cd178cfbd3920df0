/**
 * chat.continue sends the reply so far as an assistant `prefix`, and Mistral's reply
 * starts by repeating that prefix (its docs have clients take content[len(prefix):]).
 * This drops the repeat from the streamed text, but only when the reply really
 * starts with it: text is held back until that is known, and released if it is not.
 */
export class PrefixStripper {
  private held = ''
  private decided: boolean

  constructor(private readonly prefix: string) {
    this.decided = prefix.length === 0
  }

  /** The part of `text` that is new; '' while it may still be the repeat. */
  push(text: string): string {
    if (this.decided) return text
    this.held += text
    if (this.held.length < this.prefix.length && this.prefix.startsWith(this.held)) return ''
    this.decided = true
    const held = this.held
    this.held = ''
    return held.startsWith(this.prefix) ? held.slice(this.prefix.length) : held
  }

  /** At the end of the stream: text held back that turned out not to be the whole prefix. */
  flush(): string {
    this.decided = true
    const held = this.held
    this.held = ''
    return held
  }
}
