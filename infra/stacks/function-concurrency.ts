/**
 * Reserved concurrency per function, keyed like the access table (issue 18 point 7).
 * Reserving both sets capacity aside and caps: the functions residents and link holders
 * reach (`pages`, `cases`, `links`, `reference`, and `verval` for its approval link) are
 * capped, so a public flood stops at their ceiling instead of draining the account's
 * pool; the staff and workflow functions get capacity no flood can take. The sum stays
 * well inside the default account limit of 1,000 (Lambda keeps 100 unreserved); an
 * account with a lower limit turns it off with `-c reservedConcurrency=false`.
 */
import { stepsFunctionName } from './function-access'

/** Capped: reached without an account. */
export const PUBLIC_FACING_CONCURRENCY: Readonly<Record<string, number>> = {
  pages: 100,
  cases: 100,
  links: 40,
  reference: 40,
  verval: 20,
}

/** Set aside: staff APIs and the workflows' steps. */
export const STAFF_CONCURRENCY: Readonly<Record<string, number>> = {
  tasks: 20,
  kpm: 10,
  audit: 10,
  [stepsFunctionName('case')]: 40,
  [stepsFunctionName('bansos')]: 10,
  [stepsFunctionName('verval')]: 40,
}

/** A function not listed (a resource added later) still gets a share of its own. */
export const DEFAULT_CONCURRENCY = 10

export const reservedConcurrencyOf = (name: string): number =>
  PUBLIC_FACING_CONCURRENCY[name] ?? STAFF_CONCURRENCY[name] ?? DEFAULT_CONCURRENCY
