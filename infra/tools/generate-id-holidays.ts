/**
 * Regenerates functions/core/calendar/id-public-holidays.json from date-holidays:
 * `npx tsx infra/tools/generate-id-holidays.ts` (after a date-holidays upgrade, or to
 * extend the years; test/unit/core/calendar checks the file against the library).
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { computeIdPublicHolidays } from './id-public-holidays'

const target = fileURLToPath(
  new URL('../../functions/core/calendar/id-public-holidays.json', import.meta.url),
)
writeFileSync(target, `${JSON.stringify(computeIdPublicHolidays(), null, 2)}\n`)
console.log(`wrote ${target}`)
