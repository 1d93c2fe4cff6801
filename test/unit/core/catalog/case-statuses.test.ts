import { describe, expect, it } from 'vitest'
import {
  CASE_OUTCOME_LABELS,
  CASE_OUTCOMES,
  CASE_STATUS_LABELS,
  caseOutcomeSchema,
  caseStatusSchema,
} from '../../../../functions/core/catalog/case-statuses'

describe('case statuses', () => {
  it('read in Indonesian as the pages show them', () => {
    expect(caseStatusSchema.options.map((status) => CASE_STATUS_LABELS[status])).toEqual([
      'Identifikasi',
      'Asesmen',
      'Rekomendasi',
      'Rujukan',
      'Selesai',
    ])
  })

  it('every outcome has its own Indonesian label', () => {
    expect(caseOutcomeSchema.options).toEqual([...CASE_OUTCOMES])
    expect(new Set(CASE_OUTCOMES.map((outcome) => CASE_OUTCOME_LABELS[outcome])).size).toBe(
      CASE_OUTCOMES.length,
    )
    expect(CASE_OUTCOME_LABELS.NOT_ELIGIBLE).toBe('Tidak Memenuhi Syarat')
  })
})
