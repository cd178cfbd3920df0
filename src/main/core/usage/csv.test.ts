import { describe, expect, it } from 'vitest'
import { csvField, csvLine, decimalFromMicro, parseCsv } from './csv'

describe('CSV', () => {
  it('quotes commas, quotes, newlines and edge spaces, and nothing else', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\r')).toBe('"cr\r"')
    expect(csvField(' lead')).toBe('" lead"')
    expect(csvField(null)).toBe('')
    expect(csvField(12)).toBe('12')
  })

  it('round-trips awkward fields', () => {
    const fields = ['a,b', 'say "hi"', 'x\r\ny', '', 'é 你好 🎉']
    expect(parseCsv(csvLine(fields) + csvLine(['2']))).toEqual([fields, ['2']])
  })

  it('writes money exactly from micro-units', () => {
    expect(decimalFromMicro(450)).toBe('0.000450')
    expect(decimalFromMicro(12_345_678_901)).toBe('12345.678901')
    expect(decimalFromMicro(0)).toBe('0.000000')
    expect(decimalFromMicro(-1)).toBe('-0.000001')
  })
})
