/**
 * The access code of a case (DESIGN v3 §4): six characters from an alphabet without the
 * look-alikes 0/O, 1/I, so it survives being read out on the phone or copied by hand.
 * Together with the reference it unlocks the resident's status page; alone, the
 * reference (sequential per kecamatan and year) says nothing. 32^6 ≈ 1.07 billion codes
 * against 5 guesses per reference per day (ADR 0011).
 */
import * as z from 'zod'

export const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const ACCESS_CODE_LENGTH = 6

/**
 * The code drawn from random bytes (the caller brings them: core has no randomness).
 * 256 is a multiple of the alphabet's 32 letters, so `byte % 32` is uniform.
 */
export const accessCodeFromBytes = (bytes: Uint8Array): string => {
  if (bytes.length < ACCESS_CODE_LENGTH) throw new RangeError(`need ${ACCESS_CODE_LENGTH} random bytes`)
  return Array.from(bytes.subarray(0, ACCESS_CODE_LENGTH), (byte) =>
    ACCESS_CODE_ALPHABET.charAt(byte % ACCESS_CODE_ALPHABET.length),
  ).join('')
}

const ACCESS_CODE_PATTERN = new RegExp(`^[${ACCESS_CODE_ALPHABET}]{${ACCESS_CODE_LENGTH}}$`)

/**
 * What a resident types: case, spaces and a dash in the middle do not matter (the
 * email prints it as one word, people write `abc def`).
 */
export const accessCodeSchema = z
  .string({ error: 'Kode akses wajib diisi.' })
  .max(20, 'Kode akses terdiri dari 6 karakter.')
  .transform((value) => value.replaceAll(/[\s-]/g, '').toUpperCase())
  .refine((value) => ACCESS_CODE_PATTERN.test(value), 'Kode akses terdiri dari 6 huruf/angka, mis. K7QM2X.')
