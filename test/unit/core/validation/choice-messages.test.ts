/**
 * What a form says when a field is left out (uiwalk13): the people who decide read
 * Indonesian labels ("Setujui", "Terima rujukan", "Puskesmas"), so an error names what to
 * pick in Indonesian, never zod's English default nor the API's codes. A code the API does
 * not know is still answered with the codes it takes.
 */
import { describe, expect, it } from 'vitest'
import { DECISION_SCHEMAS, TASK_KINDS } from '../../../../functions/core/case/task-kinds'
import { isAppError } from '../../../../functions/shared/errors'
import { decisionBodySchema } from '../../../../functions/http/verval/schemas'
import { providerInputSchema } from '../../../../functions/core/providers/provider-schema'
import * as z from 'zod'
import {
  applicantSchema,
  intakeBodySchema,
  reporterSchema,
} from '../../../../functions/core/case/intake-schema'
import { detailsFromZod, parseWith } from '../../../../functions/shared/validation'
import { ppksInputSchema } from '../../../../functions/core/ppks/ppks-schema'
import { ppksCaseBodySchema } from '../../../../functions/core/ppks/ppks-case'
import { psksInputSchema } from '../../../../functions/core/psks/psks-schema'
import { activityInputSchema } from '../../../../functions/core/activities/activity-schema'
import { complaintBodySchema, objectionBodySchema } from '../../../../functions/core/bansos/bansos-schema'
import { staffCreateSchema } from '../../../../functions/core/staff/staff-schemas'
import { pendampinganBodySchema } from '../../../../functions/core/case/pendampingan'
import { nationalExportBodySchema, uploadQuerySchema } from '../../../../functions/http/verval/schemas'

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

/**
 * Every form select whose value is a code (ui14): its "— pilih —" posts an empty value, and
 * the person who left it so is asked to choose, in the form's words; a code the schema
 * does not know (only an API client sends one) keeps its "tidak dikenal" answer.
 */
describe('every form select mapped to a code list', () => {
  const detailsOf = (schema: z.ZodType, body: unknown) => {
    const result = schema.safeParse(body)
    return result.success ? [] : detailsFromZod(result.error)
  }
  const SELECTS: readonly {
    form: string
    schema: z.ZodType
    body: (value: string | undefined) => unknown
    path: string
    blank: string
    unknown: string
  }[] = [
    {
      form: 'PPKS entry, category',
      schema: ppksInputSchema,
      body: (category) => ({ subject: 'PERSON', category }),
      path: 'category',
      blank: 'Pilih kategori PPKS.',
      unknown: 'Kategori PPKS tidak dikenal.',
    },
    {
      form: 'PSKS entry, kind',
      schema: psksInputSchema,
      body: (kind) => ({ name: 'Karang Taruna Sukamaju', kind, area: '32.01.14.2001' }),
      path: 'kind',
      blank: 'Pilih jenis PSKS.',
      unknown: 'Jenis PSKS tidak dikenal.',
    },
    {
      form: 'activity log, kind',
      schema: activityInputSchema,
      body: (kind) => ({ kind, date: '2026-12-01', desa: '32.01.14.2001', reached: 3 }),
      path: 'kind',
      blank: 'Pilih jenis kegiatan.',
      unknown: 'Jenis kegiatan tidak dikenal.',
    },
    {
      form: 'bansos complaint, program',
      schema: complaintBodySchema,
      body: (program) => ({ kind: 'PENGADUAN', program, complaintType: 'LAINNYA' }),
      path: 'program',
      blank: 'Pilih program bantuan.',
      unknown: 'Program bansos tidak dikenal (BPNT, PKH atau PBI).',
    },
    {
      form: 'bansos complaint, type',
      schema: complaintBodySchema,
      body: (complaintType) => ({ kind: 'PENGADUAN', program: 'PKH', complaintType }),
      path: 'complaintType',
      blank: 'Pilih jenis pengaduan.',
      unknown: 'Jenis pengaduan tidak dikenal.',
    },
    {
      form: 'bansos objection, reason',
      schema: objectionBodySchema,
      body: (reason) => ({ kind: 'SANGGAH', program: 'PKH', reason }),
      path: 'reason',
      blank: 'Pilih alasan sanggahan.',
      unknown: 'Alasan sanggahan tidak dikenal.',
    },
    {
      form: 'staff member, role',
      schema: staffCreateSchema,
      body: (role) => ({
        username: 'tksk.baru',
        name: 'Tksk Baru',
        email: 'baru@example.org',
        role,
        area: '32.01.14',
      }),
      path: 'role',
      blank: 'Pilih peran.',
      unknown: 'Peran tidak dikenal.',
    },
    {
      form: 'pendampingan, kind',
      schema: pendampinganBodySchema,
      body: (kind) => ({ date: '2026-12-01', kind, findings: 'Keluarga sudah menerima layanan.' }),
      path: 'kind',
      blank: 'Pilih jenis pendampingan.',
      unknown:
        'Jenis pendampingan harus salah satu dari: KUNJUNGAN_RUMAH, PENDAMPINGAN, BIMBINGAN_SOSIAL, MEDIASI.',
    },
    {
      form: 'request for someone else, relation',
      schema: reporterSchema,
      body: (relation) => ({ name: 'Budi', relation, phone: '081234567890' }),
      path: 'relation',
      blank: 'Pilih hubungan dengan orang yang dilaporkan.',
      unknown: 'Hubungan pelapor dengan orang yang dilaporkan tidak dikenal.',
    },
    {
      form: 'PPKS "Jadikan kasus", service',
      schema: ppksCaseBodySchema,
      body: (service) => ({ service, consent: true }),
      path: 'service',
      blank: 'Pilih layanan.',
      unknown: 'Jenis layanan tidak dikenal.',
    },
    {
      form: 'verval upload, program',
      schema: uploadQuerySchema,
      body: (program) => ({ program, period: '2026-11' }),
      path: 'program',
      blank: 'Pilih program.',
      unknown: 'Program tidak dikenal (BPNT, PKH atau PBI).',
    },
    {
      form: 'verval export, format',
      schema: nationalExportBodySchema,
      body: (format) => ({ program: 'PKH', period: '2026-11', purpose: 'Unggah SIKS-NG', format }),
      path: 'format',
      blank: 'Pilih format berkas.',
      unknown: 'Format berkas: csv atau xlsx.',
    },
  ]

  for (const select of SELECTS) {
    it(`${select.form}: left blank asks to choose`, () => {
      expect(detailsOf(select.schema, select.body(''))).toContainEqual({
        path: select.path,
        message: select.blank,
      })
    })
    it(`${select.form}: an unknown code is still unknown`, () => {
      expect(detailsOf(select.schema, select.body('KODE_LAIN'))).toContainEqual({
        path: select.path,
        message: select.unknown,
      })
    })
  }

  it('a field left out of an API body is asked for like a blank select', () => {
    expect(
      detailsOf(staffCreateSchema, {
        username: 'tksk.baru',
        name: 'Tksk Baru',
        email: 'b@example.org',
        area: '32.01.14',
      }),
    ).toContainEqual({
      path: 'role',
      message: 'Pilih peran.',
    })
  })

  it('an unknown NIK, KK or birth-date mark lists the codes it takes (only an API client sends one)', () => {
    const details = detailsOf(applicantSchema, {
      name: 'Siti',
      address: 'Kp. Cibeber',
      villageCode: '32.01.14.2001',
      nikStatus: 'LOST',
      kkStatus: 'LOST',
      birthDateStatus: 'NONE',
    })
    expect(details).toEqual([
      { path: 'nikStatus', message: 'Keterangan NIK harus salah satu dari: PROVIDED, UNKNOWN, NONE.' },
      { path: 'kkStatus', message: 'Keterangan Nomor KK harus salah satu dari: PROVIDED, UNKNOWN, NONE.' },
      {
        path: 'birthDateStatus',
        message: 'Keterangan tanggal lahir harus salah satu dari: PROVIDED, UNKNOWN.',
      },
    ])
  })
})
