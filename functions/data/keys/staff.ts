/** Keys of the staff directory, the calendar of days off and the provider directory. */
import { kabupatenBucket, type Key, leadingKeyPattern } from './key'
import { keyShapes } from './shapes'

const { user, calendar, provider } = keyShapes

/** Staff directory entry (a Cognito user's profile on AWS, a seeded user locally). */
export const userKey = (userId: string): Key => user.items.user.key({ userId })
/** IAM `dynamodb:LeadingKeys` pattern of every directory entry (the Cognito sync may write only these). */
export const userKeyPattern = leadingKeyPattern(user.items.user.pk)
/** gsi1 entry: staff by the area they serve and their role, for routing tasks. */
export const staffByAreaEntry = (area: string, role: string, userId: string) =>
  user.indexes.byArea.entry({ area, role, userId })
export const staffByAreaQuery = (area: string, role: string) => ({
  gsi1pk: user.indexes.byArea.pk.format({ area }),
  gsi1skPrefix: user.indexes.byArea.sk.prefix({ role }),
})

/**
 * gsi2: every directory entry of a kabupaten/kota (its kecamatan's TKSK included) by
 * area and username, for the admin's list; national entries sit under `*`.
 */
export const staffDirectoryPartition = (scope: string): string => user.indexes.directory.pk.format({ scope })
export const staffDirectoryEntry = (area: string, username: string) =>
  user.indexes.directory.entry({ scope: kabupatenBucket(area), area, username })
/** Uniqueness markers of a directory entry's username and email (issue 13: taken → 409). */
export const staffUsernameKey = (username: string): Key => user.items.usernameMarker.key({ username })
export const staffEmailKey = (email: string): Key =>
  user.items.emailMarker.key({ email: email.toLowerCase() })
/** A TKSK's term end, under its month, for the daily job that ends terms by date. */
export const staffTermEndPartition = (month: string): string => user.items.termEnd.pk.format({ month })
export const staffTermEndKey = (end: string, userId: string): Key =>
  user.items.termEnd.key({ month: end.slice(0, 7), end, userId })

/** The days off (cuti bersama, SKB corrections) of one year, as an admin keeps them. */
export const calendarYearKey = (year: number): Key => calendar.items.year.key({ year })

/** The provider directory (DESIGN §4 `/api/admin/providers`), by kabupaten/kota in gsi1. */
export const providerKey = (providerId: string): Key => provider.items.provider.key({ providerId })
export const providersByAreaEntry = (kabupaten: string, providerId: string) =>
  provider.indexes.byArea.entry({ kabupaten, providerId })
export const providersByAreaPartition = (kabupaten: string): string =>
  provider.indexes.byArea.pk.format({ kabupaten })
/** One marker per provider email (lower case): what makes "email in use" a conditional write. */
export const providerEmailKey = (email: string): Key =>
  provider.items.emailMarker.key({ email: email.toLowerCase() })
