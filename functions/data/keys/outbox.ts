/**
 * Mail outbox (ADR 0018): one item per email, written with the state change that causes
 * it; the mailer is fed by the table's stream, filtered on this prefix and PENDING.
 */
import { kabupatenBucket, type Key } from './key'
import { keyShapes } from './shapes'

const { mail } = keyShapes

export const mailKeyPrefix = mail.items.mail.pk.prefix()
export const mailKey = (mailId: string): Key => mail.items.mail.key({ mailId })
/** gsi1 entry, only while a mail is FAILED (sparse): what a kabupaten's Dinsos must resend. */
export const failedMailEntry = (area: string, failedAt: string, mailId: string) =>
  mail.indexes.failed.entry({ kabupaten: kabupatenBucket(area), failedAt, mailId })
export const failedMailsQuery = (kabupaten: string) => ({
  gsi1pk: mail.indexes.failed.pk.format({ kabupaten }),
})
/** A staff or provider address that bounced or complained: one item per address. */
export const bouncingAddressKey = (email: string): Key =>
  mail.items.bouncing.key({ email: email.toLowerCase() })
export const bouncingAddressEntry = (area: string, email: string) =>
  mail.indexes.bouncing.entry({ kabupaten: kabupatenBucket(area), email: email.toLowerCase() })
export const bouncingAddressesQuery = (kabupaten: string) => ({
  gsi1pk: mail.indexes.bouncing.pk.format({ kabupaten }),
})
