import fc from 'fast-check'

/** The kecamatan the fake area index knows, compact and dotted. */
export const KNOWN_KECAMATAN = ['32.01.14', '32.01.15', '18.71.04']
export const isKnownKecamatan = (code: string): boolean => KNOWN_KECAMATAN.includes(code)

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

export interface GeneratedNik {
  nik: string
  birthDate: string
  kecamatan: string
  female: boolean
}

/** A valid NIK with the birth date and sex it encodes. */
export const validNik = fc
  .record({
    kecamatan: fc.constantFrom(...KNOWN_KECAMATAN),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    female: fc.boolean(),
    serial: fc.integer({ min: 1, max: 9999 }),
  })
  .map(({ kecamatan, birth, female, serial }): GeneratedNik => {
    const day = birth.getUTCDate() + (female ? 40 : 0)
    const date = `${pad(day, 2)}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCFullYear() % 100, 2)}`
    return {
      nik: `${kecamatan.replaceAll('.', '')}${date}${pad(serial, 4)}`,
      birthDate: birth.toISOString().slice(0, 10),
      kecamatan,
      female,
    }
  })
