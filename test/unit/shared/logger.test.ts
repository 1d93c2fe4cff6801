import { describe, expect, it } from 'vitest'
import { maskingReplacer } from '../../../functions/shared/logger'

describe('log masking', () => {
  it('masks a NIK anywhere in a logged string', () => {
    const line = JSON.stringify(
      { message: 'intake for 3201144507800001', nested: { kk: 'KK 3201140101100001' } },
      maskingReplacer,
    )
    expect(line).not.toContain('4507800')
    expect(line).toContain('320114******0001')
    expect(line).not.toContain('0101100')
  })

  it('leaves numbers and short digit runs alone', () => {
    expect(
      JSON.parse(JSON.stringify({ count: 42, reference: '320114-2026-000042' }, maskingReplacer)),
    ).toEqual({
      count: 42,
      reference: '320114-2026-000042',
    })
  })
})

describe('the logger', () => {
  it('writes no full NIK even when one is logged by mistake', async () => {
    const { logger } = await import('../../../functions/shared/logger')
    const written: string[] = []
    const original = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    }) as typeof process.stdout.write
    try {
      logger.info('applicant 3201144507800001 registered', { nik: '3201144507800001' })
    } finally {
      process.stdout.write = original
    }
    const output = written.join('')
    expect(output).toContain('320114******0001')
    expect(output).not.toContain('3201144507800001')
  })
})
