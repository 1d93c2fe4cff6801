/** New verification codes of recommendation letters: crypto random, never derived from the case. */
import { randomBytes } from 'node:crypto'
import { encodeLetterCode, LETTER_CODE_LENGTH } from '../core/case/recommendation-letter'

// 5 bits per character: 10 bytes give exactly the 16 characters of a code.
const CODE_BYTES = (LETTER_CODE_LENGTH * 5) / 8

export const newLetterCode = (): string => encodeLetterCode(randomBytes(CODE_BYTES))
