/**
 * SMS text rules (ADR 0028): what fits one segment. An SMS in the GSM-7 alphabet carries
 * 160 characters (the extension characters `^{}\[~]|€` count twice); one character outside
 * it makes the whole message UCS-2, 70 per segment, and a resident pays nothing but the
 * operator bills each segment. Texts here are kept to GSM-7 and one segment.
 */

/** GSM 03.38 basic character set (the characters that cost one septet). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'

/** The extension table: an escape septet plus the character. */
const GSM7_EXTENSION = '^{}\\[~]|€\f'

export const SMS_SEGMENT_LENGTH = 160

/** The length of `text` in GSM-7 septets; undefined when a character is outside GSM-7. */
export const gsm7Length = (text: string): number | undefined => {
  let length = 0
  for (const character of text) {
    if (GSM7_BASIC.includes(character)) length += 1
    else if (GSM7_EXTENSION.includes(character)) length += 2
    else return undefined
  }
  return length
}

/** Whether `text` goes as one GSM-7 segment. */
export const fitsOneSegment = (text: string): boolean => {
  const length = gsm7Length(text)
  return length !== undefined && length <= SMS_SEGMENT_LENGTH
}

/**
 * An Indonesian mobile number as the intake accepts it (`081234567890` or
 * `+6281234567890`, DESIGN §1) in E.164, which AWS End User Messaging SMS requires.
 */
export const phoneE164 = (phone: string): string => {
  const digits = phone.replace(/[^\d+]/g, '')
  if (digits.startsWith('+')) return digits
  if (digits.startsWith('62')) return `+${digits}`
  return `+62${digits.replace(/^0/, '')}`
}

/**
 * AWS End User Messaging SMS errors no retry can cure (SendTextMessage): a bad request or
 * number, a missing identity or grant, the spend limit reached, the number opted out.
 * Throttling and internal errors are transient and retried like SES's.
 */
const PERMANENT_SMS_ERRORS = new Set([
  'ValidationException',
  'AccessDeniedException',
  'ResourceNotFoundException',
  'ConflictException',
  'ServiceQuotaExceededException',
])

export const isPermanentSmsRejection = (errorName: string): boolean => PERMANENT_SMS_ERRORS.has(errorName)

/**
 * The reason End User Messaging gives when the number replied STOP (its opt-out list):
 * recorded on the SMS as its failure code, and not counted as a rejection to alarm on.
 */
export const SMS_OPTED_OUT = 'DESTINATION_PHONE_NUMBER_OPTED_OUT'
