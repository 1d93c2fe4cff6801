/** The days off an admin keeps per year (ADR 0015): one item per year, replaced whole, audited. */
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditInput } from '../core/audit/audit-entry'
import { BUILT_IN_DAYS_OFF, type CalendarYear, type DayOff } from '../core/calendar/days-off'
import { dynamo } from '../shared/clients'
import { env } from '../shared/env'
import { itemCodec } from './item-codec'
import { appendAudit } from './audit-repository'
import { getEach } from './batch-get'
import { calendarYearKey } from './keys'
import { failedConditionAt } from './transaction-errors'

export interface StoredCalendarYear {
  year: number
  daysOff: DayOff[]
  updatedAt: string
  version: number
}

const calendarYearOf = itemCodec<StoredCalendarYear>()

export const getStoredCalendarYear = async (year: number): Promise<StoredCalendarYear | undefined> => {
  const { Item } = await dynamo().send(
    new GetCommand({ TableName: env.mainTableName(), Key: calendarYearKey(year), ConsistentRead: true }),
  )
  if (!Item) return undefined
  return calendarYearOf(Item)
}

export class CalendarChangedError extends Error {
  constructor(year: number) {
    super(`the calendar of ${year} changed meanwhile`)
    this.name = 'CalendarChangedError'
  }
}

/** Replaces a year's list if nobody did since it was read (`expectedVersion`; 0 = no stored list yet). */
export const putCalendarYear = async (
  next: StoredCalendarYear,
  expectedVersion: number,
  audit: AuditInput,
): Promise<void> => {
  const put = {
    Put: {
      TableName: env.mainTableName(),
      Item: { ...calendarYearKey(next.year), ...next },
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
      ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
    },
  }
  try {
    await appendAudit(audit, { alongWith: [put] })
  } catch (error) {
    if (failedConditionAt(error, 0)) throw new CalendarChangedError(next.year)
    throw error
  }
}

/**
 * A year's list as the product uses it: the one an admin stored, else the built-in seed,
 * else none (that year's due dates skip only weekends and the library's public holidays,
 * and say so on the task).
 */
export const readCalendarYear = async (year: number): Promise<CalendarYear | undefined> =>
  calendarYearFrom(year, await getStoredCalendarYear(year))

const calendarYearFrom = (year: number, stored: StoredCalendarYear | undefined): CalendarYear | undefined => {
  if (stored) return { ...stored, source: 'stored' }
  const builtIn = BUILT_IN_DAYS_OFF[year]
  return builtIn ? { year, daysOff: [...builtIn], source: 'built-in', version: 0 } : undefined
}

/** A year's list from its stored item as read (or none): what `readCalendarYear` gives. */
export const calendarYearOfItem = (year: number, item: Record<string, unknown> | undefined) =>
  calendarYearFrom(year, item ? calendarYearOf(item) : undefined)

/** Several years' lists as `readCalendarYear` gives each, in the order asked, read in one BatchGetItem. */
export const readCalendarYears = async (years: readonly number[]): Promise<(CalendarYear | undefined)[]> =>
  (await getEach(env.mainTableName(), years.map(calendarYearKey))).map((item, index) =>
    calendarYearOfItem(years[index] as number, item),
  )
