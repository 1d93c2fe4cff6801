/**
 * What a form says when a field is left out (uiwalk13): the people who decide read
 * Indonesian labels ("Setujui", "Terima rujukan", "Puskesmas"), so an error names what to
 * pick in Indonesian, never zod's English default nor the API's codes. A code the API does
 * not know is still answered with the codes it takes.
 */
import { describe, expect, it } from 'vitest'
import { DECISION_SCHEMAS, TASK_KINDS } from '../../../../functions/core/case/task-kinds'
import { isAppError } from '../../../../functions/shared/errors'
import { parseWith } from '../../../../functions/shared/validation'
import { decisionBodySchema } from '../../../../functions/http/verval/schemas'
import { providerInputSchema } from '../../../../functions/core/providers/provider-schema'
import { intakeBodySchema } from '../../../../functions/core/case/intake-schema'

const messagesOf = (kind: keyof typeof DECISION_SCHEMAS, fields: Record<string, unknown>) => {
  try {
    parseWith(DECISION_SCHEMAS[kind], fields)
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') return error.details
    throw error
  }
  throw new Error(`${kind}: ${JSON.stringify(fields)} was accepted`)
}

/**
 * An English word of zod's defaults, or a code such as APPROVE or NOT_SERVED (the date
 * format's "TTTT-BB-HH" is Indonesian).
 */
const NOT_INDONESIAN = /Invalid|expected|received|Required|\b[A-Z]{3,}(?:_[A-Z]+)*\b(?!-)/

describe('the error of a task field left blank', () => {
  for (const kind of TASK_KINDS)
    it(`${kind}: is Indonesian and names no code`, () => {
      for (const { path, message } of messagesOf(kind, {}))
        expect(message, `${kind} ${path}`).not.toMatch(NOT_INDONESIAN)
    })

  it('asks for the assessment findings as a missing field, not as a wrong type', () => {
    const details = messagesOf('ASSESSMENT', {
      visitDate: '2026-12-07',
      eligible: 'true',
      service: 'JAMKESDA',
    })
    expect(details).toEqual([{ path: 'findings', message: 'Temuan kunjungan wajib diisi.' }])
  })

  it('names the codes the API takes when a code is unknown', () => {
    const details = messagesOf('APPROVAL', { decision: 'APPROVED' })
    expect(details).toEqual([
      { path: 'decision', message: 'Keputusan harus salah satu dari: APPROVE, REJECT, REVISE.' },
    ])
  })
})

describe('the error of a verval batch decision left blank', () => {
  it('asks for the decision in Indonesian', () => {
    expect(() => parseWith(decisionBodySchema, {})).toThrow(
      expect.objectContaining({ details: [{ path: 'decision', message: 'Pilih keputusan.' }] }),
    )
  })
})

describe('the error of a select left on its "— pilih —"', () => {
  const detailsOf = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      if (isAppError(error)) return error.details
      throw error
    }
    return []
  }

  it('asks for the service the TKSK recommends', () => {
    expect(
      messagesOf('ASSESSMENT', { visitDate: '2026-12-07', findings: 'Atap bocor', eligible: 'true' }),
    ).toEqual([{ path: 'service', message: 'Pilih layanan.' }])
  })

  it('asks the admin for the kind of provider', () => {
    const details = detailsOf(() => parseWith(providerInputSchema, { name: 'Puskesmas Cibungbulang' }))
    expect(details).toContainEqual({ path: 'kind', message: 'Pilih jenis penyedia.' })
  })

  it('asks the resident for the category and the service', () => {
    const details = detailsOf(() => parseWith(intakeBodySchema, { consent: true }))
    expect(details).toContainEqual({ path: 'category', message: 'Pilih kategori PPKS.' })
    expect(details).toContainEqual({ path: 'service', message: 'Pilih layanan.' })
  })
})
