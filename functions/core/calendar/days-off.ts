/**
 * The days off of a year that the national holiday library does not know (issue 13,
 * ADR 0015): cuti bersama and the SKB's corrections of holiday dates (the library
 * computes Islamic holidays arithmetically; the government fixes them after sidang
 * isbat). They are data an admin edits or imports; the built-in lists are the seed.
 */
import * as z from 'zod'
import { isLocalDate } from './local-date'
import { CUTI_BERSAMA_2026 } from './indonesian-holidays'

export interface DayOff {
  date: string
  label: string
}

export interface CalendarYear {
  year: number
  daysOff: DayOff[]
  /** `stored`: kept by an admin; `built-in`: the seed list shipped with the code. */
  source: 'stored' | 'built-in'
  updatedAt?: string
  version: number
}

const LABELS_2026: readonly string[] = [
  'Cuti bersama Tahun Baru Imlek',
  'Cuti bersama Hari Suci Nyepi',
  'Cuti bersama Idul Fitri',
  'Cuti bersama Idul Fitri',
  'Cuti bersama Idul Fitri',
  'Cuti bersama Kenaikan Yesus Kristus',
  'Cuti bersama Idul Adha',
  'Cuti bersama Natal',
]

/** The seed: years whose list ships with the code (SKB 3 Menteri 2025 for 2026). */
export const BUILT_IN_DAYS_OFF: Readonly<Record<number, readonly DayOff[]>> = {
  2026: CUTI_BERSAMA_2026.map((date, index) => ({ date, label: LABELS_2026[index] ?? 'Cuti bersama' })),
}

export const MAX_DAYS_OFF = 60

export const yearSchema = z.coerce
  .number('Tahun harus angka.')
  .int()
  .min(2020, 'Tahun di luar rentang 2020–2100.')
  .max(2100, 'Tahun di luar rentang 2020–2100.')

/** `PUT /api/admin/calendar/{year}`'s body; dates must fall in `year` and appear once. */
export const daysOffSchema = (year: number) =>
  z.strictObject({
    daysOff: z
      .array(
        z.strictObject({
          date: z
            .string()
            .refine(isLocalDate, 'Tanggal harus berformat TTTT-BB-HH.')
            .refine((date) => date.startsWith(`${year}-`), `Tanggal harus di tahun ${year}.`),
          label: z.string().trim().min(2, 'Keterangan minimal 2 karakter.').max(100),
        }),
      )
      .max(MAX_DAYS_OFF, `Paling banyak ${MAX_DAYS_OFF} hari.`)
      .superRefine((days, context) => {
        const seen = new Set<string>()
        days.forEach((day, index) => {
          if (seen.has(day.date))
            context.addIssue({
              code: 'custom',
              path: [index, 'date'],
              message: 'Tanggal ini sudah ada di daftar.',
            })
          seen.add(day.date)
        })
      })
      .transform((days) => [...days].sort((a, b) => a.date.localeCompare(b.date))),
  })

/**
 * The years whose list an office must have kept on `localToday`: this year always (its due
 * dates are being counted now: from 1 January a missing list moves deadlines onto cuti
 * bersama), and next year from 1 October (the SKB is usually signed in September).
 */
export const yearsToBeListed = (localToday: string): number[] => {
  const year = Number(localToday.slice(0, 4))
  return localToday.slice(5) >= '10-01' ? [year, year + 1] : [year]
}
