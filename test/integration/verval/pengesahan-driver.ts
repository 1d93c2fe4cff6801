/**
 * The pengesahan deadline's moves for the tests (ADR 0035): the project clock to a local
 * day, the deadline mails someone received, the admin setting the day.
 */
import { nowMs } from '../../../functions/shared/clock'
import type { createVervalDriver } from './verval-driver'

type Driver = ReturnType<typeof createVervalDriver>

/** Moves the project clock to 10:00 WIB of a local date (the local job runs on the move). */
export const moveTo = async (driver: Driver, date: string): Promise<void> => {
  await driver.advanceTo(Date.parse(`${date}T10:00:00+07:00`))
}

/** The deadline mails of the period sent to `to`, after the mailer had time to send what the run put in the outbox. */
export const deadlineMails = async (driver: Driver, to: string, period: string, atLeast = 0) => {
  for (let attempt = 0; ; attempt++) {
    const mails = (await driver.outbox(to)).filter((mail) => mail.subject.startsWith(`[Verval ${period}]`))
    if (mails.length >= atLeast || attempt >= 100) return mails
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The admin of Kabupaten Bogor sets its pengesahan day (and starts the watch). */
export const putDay = (driver: Driver, username: string, day: unknown) =>
  driver.call(username, '/api/admin/pengesahan/32.01', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ day }),
  })

/**
 * Moves the project clock to the 1st of next month when today (WIB) is past the 10th, so a
 * test's run to a pengesahan day on the 25th stays inside one period.
 */
export const startEarlyInMonth = async (driver: Driver): Promise<void> => {
  const today = new Date(nowMs() + 7 * 3600_000)
  if (today.getUTCDate() <= 10) return
  const next = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))
  await moveTo(driver, next.toISOString().slice(0, 10))
}
