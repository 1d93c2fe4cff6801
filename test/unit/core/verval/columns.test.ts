import { describe, expect, it } from 'vitest'
import { chunkRanges, uploadVerdict } from '../../../../functions/core/verval/batch-status'
import {
  BASE_COLUMNS,
  CHAIN_COLUMNS,
  headerProblem,
  VERVAL_COLUMNS,
} from '../../../../functions/core/verval/columns'

describe('the header of a verval file', () => {
  it('the template header is accepted, with stray spaces, capitals and trailing empty cells', () => {
    expect(headerProblem([...VERVAL_COLUMNS])).toBeUndefined()
    expect(headerProblem([' NIK', ...VERVAL_COLUMNS.slice(1), '', ''])).toBeUndefined()
  })

  it('a header missing a column names the missing one', () => {
    expect(headerProblem(VERVAL_COLUMNS.filter((c) => c !== 'no_kks'))).toContain(
      'Kolom yang tidak ada: no_kks.',
    )
  })

  it('a header with an unknown column names it', () => {
    expect(headerProblem([...VERVAL_COLUMNS, 'telepon'])).toContain('Kolom yang tidak dikenal: telepon.')
  })

  it('the right columns in another order are refused', () => {
    expect(headerProblem([...VERVAL_COLUMNS].reverse())).toBeDefined()
  })
})

describe('batches across uploads', () => {
  it('an upload supersedes a batch still validating, invalid or awaiting approval', () => {
    expect(uploadVerdict('VALIDATING')).toBe('supersede')
    expect(uploadVerdict('INVALID')).toBe('supersede')
    expect(uploadVerdict('AWAITING_APPROVAL')).toBe('supersede')
  })

  it('an upload is refused while a batch is applying or after it was applied', () => {
    expect(uploadVerdict('APPLYING')).toBe('blocked')
    expect(uploadVerdict('APPLIED')).toBe('blocked')
  })

  it('a rejected or superseded batch leaves the period free', () => {
    expect(uploadVerdict('REJECTED')).toBe('free')
    expect(uploadVerdict('SUPERSEDED')).toBe('free')
    expect(uploadVerdict(undefined)).toBe('free')
  })

  it('20,000 rows are 20 chunks of 1,000, never one per row', () => {
    const ranges = chunkRanges(20_000)
    expect(ranges).toHaveLength(20)
    expect(ranges[0]).toEqual({ from: 1, to: 1000 })
    expect(ranges.at(-1)).toEqual({ from: 19_001, to: 20_000 })
    expect(chunkRanges(1001)).toEqual([
      { from: 1, to: 1000 },
      { from: 1001, to: 1001 },
    ])
  })
})

describe('the header of a verval file with the chain’s columns (ADR 0034)', () => {
  it('the base template of DESIGN §4 alone is still accepted', () => {
    expect(headerProblem([...BASE_COLUMNS])).toBeUndefined()
  })

  it('today’s template, the base columns then the chain’s, is accepted', () => {
    expect(headerProblem([...BASE_COLUMNS, ...CHAIN_COLUMNS])).toBeUndefined()
  })

  it('a sheet with only some chain columns names the missing ones', () => {
    const problem = headerProblem([...BASE_COLUMNS, 'id_dtsen_keluarga', 'no_rekening'])
    expect(problem).toContain(
      'Kolom yang tidak ada: id_dtsen_pengurus, no_peserta_pkh, status_pkh, tempat_lahir, nama_ibu_kandung.',
    )
  })

  it('the chain columns before the base ones are refused', () => {
    expect(headerProblem([...CHAIN_COLUMNS, ...BASE_COLUMNS])).toBeDefined()
  })
})
