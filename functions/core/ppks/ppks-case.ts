/**
 * "Jadikan kasus" (issue 16 item 1, ADR 0038): the body of `POST /api/ppks/{id}/kasus`
 * carries what a case needs that the entry does not hold (the service asked for, the
 * consent, how the missing documents stand); the person (name, NIK, birth date, desa,
 * address, category) comes from the entry, so it is corrected on the entry, not here. The
 * merged request is then checked by the intake schema itself, with its field paths.
 */
import * as z from 'zod'
import { applicantSchema } from '../case/intake-schema'
import { SERVICE_CODES } from '../catalog/services'
import { choice } from '../validation/choice'
import type { PpksRecord } from './ppks-record'

/**
 * The intake's own field schemas (so the OpenAPI document shows them); the merged request
 * is checked again whole by the intake schema, which adds the cross-field rules.
 */
export const ppksCaseBodySchema = z.strictObject({
  service: choice(SERVICE_CODES, 'layanan', 'Jenis layanan tidak dikenal.'),
  consent: z.literal(true, { error: 'Persetujuan pemrosesan data wajib diberikan.' }),
  description: z.string().max(2000, 'Uraian maksimal 2.000 karakter.').optional(),
  applicant: applicantSchema
    .pick({
      nikStatus: true,
      kk: true,
      kkStatus: true,
      birthDateStatus: true,
      estimatedAge: true,
      phone: true,
      email: true,
      address: true,
    })
    .partial()
    .optional(),
})
export type PpksCaseBody = z.output<typeof ppksCaseBodySchema>

const defined = (value: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))

/** The intake request of the case an entry becomes (unchecked: the intake schema decides). */
export const intakeCandidate = (entry: PpksRecord, body: PpksCaseBody): Record<string, unknown> =>
  defined({
    applicant: defined({
      name: entry.name,
      villageCode: entry.desa,
      address: entry.address,
      nik: entry.nik,
      birthDate: entry.birthDate,
      ...defined(body.applicant ?? {}),
    }),
    category: entry.category,
    service: body.service,
    description: body.description ?? entry.notes,
    consent: body.consent,
  })
