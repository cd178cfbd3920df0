/** Scripts written without spaces between words (plus Korean), searched by substring through the trigram index. */
export const UNSPACED_SCRIPT = /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/u

export const hasUnspacedScript = (text: string): boolean => UNSPACED_SCRIPT.test(text)
