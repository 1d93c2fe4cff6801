/**
 * The input of `POST /api/psks` and `PATCH /api/psks/{psksId}`. Whether the area exists
 * is checked against the area index by the use case; a PSKS that accepts referrals must
 * have an email, since a referral is a mailed link (ADR 0031).
 */
import * as z from 'zod'
import { choice } from '../validation/choice'
import { PSKS_KINDS } from './psks-kinds'

const PHONE = /^(\+62|62|0)[1-9][0-9]{6,12}$/
const AREA = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/

const name = z.string().trim().min(2, 'Nama minimal 2 karakter.').max(150, 'Nama maksimal 150 karakter.')
const kind = choice(PSKS_KINDS, 'jenis PSKS', 'Jenis PSKS tidak dikenal.')
const area = z.string().trim().regex(AREA, 'Isi kode desa/kelurahan atau kecamatan, mis. 32.01.14.2001.')
const phone = z
  .string()
  .max(30, 'Nomor telepon tidak sah.')
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(PHONE, 'Nomor telepon tidak sah (mis. 081234567890).'))
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email terlalu panjang.')
  .pipe(z.email({ error: 'Alamat email tidak sah.' }))
const contact = z.strictObject({
  person: z.string().trim().min(1, 'Nama narahubung kosong.').max(100, 'Maksimal 100 karakter.').optional(),
  phone: phone.optional(),
  email: email.optional(),
})
const flag = z.boolean({ error: 'Isi true atau false.' })

/** A merged record (input, or record after a PATCH) that accepts referrals has an email. */
export const referralNeedsEmail = (value: { acceptsReferrals?: boolean; contact?: { email?: string } }) =>
  !value.acceptsReferrals || Boolean(value.contact?.email)
// Frozen and spread at each use: zod 4's `.refine()` takes `message` out of the object it
// is given, so a shared object lost its message after the schema was built (the PATCH
// error then had none).
export const REFERRAL_EMAIL = Object.freeze({
  message: 'PSKS yang dapat menerima rujukan harus punya email.',
  path: ['contact', 'email'] as const,
})

export const psksInputSchema = z
  .strictObject({
    name,
    kind,
    area,
    contact: contact.default({}),
    active: flag.default(true),
    acceptsReferrals: flag.default(false),
  })
  .refine(referralNeedsEmail, { message: REFERRAL_EMAIL.message, path: [...REFERRAL_EMAIL.path] })
export type PsksInput = z.output<typeof psksInputSchema>

/** A PATCH's contact names only the fields that change; `null` removes one. */
const contactPatch = z.strictObject({
  person: contact.shape.person.unwrap().nullable().optional(),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
})

/** A PATCH names only what changes (the area is fixed: it decides who keeps the entry). */
export const psksPatchSchema = z
  .strictObject({
    name: name.optional(),
    kind: kind.optional(),
    contact: contactPatch.optional(),
    active: flag.optional(),
    acceptsReferrals: flag.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Tidak ada yang diubah.')
export type PsksPatch = z.output<typeof psksPatchSchema>
