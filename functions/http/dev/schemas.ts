import * as z from 'zod'

export const devLoginSchema = z.strictObject({
  username: z.string().min(1, 'Nama pengguna wajib diisi.').max(100),
})

/** `to`: a mail recipient, or an SMS recipient in E.164 (ADR 0028). */
export const outboxQuerySchema = z.strictObject({
  to: z
    .union([z.email(), z.string().regex(/^\+[1-9]\d{6,14}$/)], {
      error: 'Isi dengan alamat email atau nomor HP seperti +6281234567890.',
    })
    .optional(),
})

/** At most a year per call: enough to reach any deadline, small enough to catch a typo. */
export const clockAdvanceSchema = z.strictObject({
  seconds: z
    .number('Isi dengan jumlah detik.')
    .int('Harus bilangan bulat.')
    .positive('Harus lebih dari nol.')
    .max(366 * 24 * 60 * 60, 'Paling banyak satu tahun sekali maju.'),
})
