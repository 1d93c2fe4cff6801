/**
 * The input of `POST /api/admin/providers` and `PATCH /api/admin/providers/{providerId}`
 * (DESIGN §4), shared by the API, the admin pages and the seed. Whether an area exists
 * and lies in one kabupaten is checked against the area index (`checkProviderAreas`).
 */
import * as z from 'zod'
import { PROVIDER_KINDS, SERVICE_CODES } from '../catalog/services'
import { choice } from '../validation/choice'

const PHONE = /^(\+62|62|0)[1-9][0-9]{6,12}$/

const name = z.string().trim().min(2, 'Nama minimal 2 karakter.').max(150, 'Nama maksimal 150 karakter.')
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email terlalu panjang.')
  .pipe(z.email({ error: 'Alamat email tidak sah.' }))
// Offices write landlines with separators (`0251-8123456`); stored as digits only.
const phone = z
  .string()
  .max(30, 'Nomor telepon tidak sah.')
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(PHONE, 'Nomor telepon tidak sah (mis. 0251-8123456 atau 081234567890).'))
const services = z
  .array(z.enum(SERVICE_CODES, { error: 'Layanan tidak dikenal.' }))
  .min(1, 'Pilih minimal satu layanan.')
  .max(SERVICE_CODES.length)
  .refine((list) => new Set(list).size === list.length, 'Layanan tidak boleh berulang.')
const areas = z
  .array(z.string().trim().max(13, 'Kode wilayah tidak sah.'))
  .min(1, 'Pilih minimal satu wilayah layanan.')
  .max(500, 'Paling banyak 500 wilayah; untuk seluruh kabupaten/kota pilih kabupaten/kota itu.')
  .refine((list) => new Set(list).size === list.length, 'Wilayah tidak boleh berulang.')

export const providerInputSchema = z.strictObject({
  name,
  kind: choice(PROVIDER_KINDS, 'jenis penyedia'),
  email,
  phone: phone.optional(),
  services,
  areas,
  active: z.boolean({ error: 'Isi true atau false.' }).default(true),
})
export type ProviderInput = z.output<typeof providerInputSchema>

/** A PATCH names only what changes; `phone: null` removes the phone number. */
export const providerPatchSchema = z
  .strictObject({
    name: name.optional(),
    kind: choice(PROVIDER_KINDS, 'jenis penyedia').optional(),
    email: email.optional(),
    phone: phone.nullable().optional(),
    services: services.optional(),
    areas: areas.optional(),
    active: z.boolean({ error: 'Isi true atau false.' }).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Tidak ada yang diubah.')
export type ProviderPatch = z.output<typeof providerPatchSchema>
