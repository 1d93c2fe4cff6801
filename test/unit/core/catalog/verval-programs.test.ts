import { describe, expect, it } from 'vitest'
import {
  requiresKks,
  VERVAL_PROGRAM_LABELS,
  VERVAL_PROGRAMS,
  vervalProgramSchema,
} from '../../../../functions/core/catalog/verval-programs'

describe('verval programs', () => {
  it('are BPNT, PKH and PBI', () => {
    expect(vervalProgramSchema.options).toEqual(['BPNT', 'PKH', 'PBI'])
    for (const program of VERVAL_PROGRAMS) expect(VERVAL_PROGRAM_LABELS[program]).toMatch(/\S/)
  })

  it('a KKS number is required for BPNT and PKH but not for PBI', () => {
    expect(requiresKks('BPNT')).toBe(true)
    expect(requiresKks('PKH')).toBe(true)
    expect(requiresKks('PBI')).toBe(false)
  })
})
