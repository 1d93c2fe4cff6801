import * as z from 'zod'

export const devLoginSchema = z.strictObject({
  username: z.string().min(1, 'Nama pengguna wajib diisi.').max(100),
})

export const outboxQuerySchema = z.strictObject({
  to: z.email('Alamat email tidak valid.').optional(),
})

/** At most a year per call: enough to reach any deadline, small enough to catch a typo. */
export const clockAdvanceSchema = z.strictObject({
  seconds: z
    .number('Isi dengan jumlah detik.')
    .int('Harus bilangan bulat.')
    .positive('Harus lebih dari nol.')
    .max(366 * 24 * 60 * 60, 'Paling banyak satu tahun sekali maju.'),
})
