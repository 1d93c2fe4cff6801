/**
 * The audit export as Excel opens it (DESIGN §4): UTF-8 with a BOM (without it Excel
 * reads UTF-8 as the ANSI code page), a header row, CRLF rows, RFC 4180 quoting. Cells
 * that a spreadsheet would run as a formula are prefixed with `'`: an auditor's
 * spreadsheet must not execute what a resident typed into a form. Every cell is masked
 * again on the way out, whatever the table holds. The sealed values (area code, actor id,
 * UTC instant) keep their columns for searching and verifying; the names and the local
 * time people read come after them (issue 19), so DESIGN's columns keep their order.
 */
import { timeZoneOfArea } from '../areas/time-zones'
import { wallClockStamp } from '../calendar/local-date'
import { formatInZone, zoneNameOf } from '../calendar/local-time'
import { maskDigitsIn } from '../identity/mask'
import type { AuditActor, AuditEntry } from './audit-entry'
import { canonicalJson } from './chain-hash'

export const CSV_BOM = '\uFEFF'

export const AUDIT_CSV_COLUMNS = [
  'entityId',
  'seq',
  'at',
  'area',
  'actorId',
  'actorRole',
  'action',
  'before',
  'after',
  'correlationId',
  'prevHash',
  'hash',
  'areaName',
  'actorName',
  'atLocal',
] as const

/** How the export names an area and an actor (`placeLabel`, `actorNamer`): looked up by the caller. */
export interface AuditCsvNames {
  place: (code: string) => string
  actor: (actor: Pick<AuditActor, 'id' | 'role'>) => string
}

/** The instant in the zone of the entry's area; blank for an area with no one zone (`*`, a province-wide office). */
const localTimeOf = (entry: AuditEntry): string => {
  const zone = timeZoneOfArea(entry.area)
  return zone ? formatInZone(entry.at, zone, 'short') : ''
}

/**
 * The download's name: the moment of the export on the exporter's wall clock, with its
 * zone (`audit-20261208-004429-WIB.csv`), so that a file exported after midnight WIB is not
 * named for the day before. A national exporter (`*`) has no one zone: UTC, named so.
 */
export const auditExportFileName = (at: Date, exporterArea: string): string => {
  const zone = timeZoneOfArea(exporterArea)
  return `audit-${wallClockStamp(at, zone ?? 'UTC')}-${zone ? zoneNameOf(zone) : 'UTC'}.csv`
}

const FORMULA_START = /^[=+\-@\t\r]/

/** A quoted, formula-safe cell; masked unless it is a hash (hex, which can hold long digit runs and must stay exact). */
export const csvCell = (value: string, { mask = true } = {}): string => {
  const shown = mask ? maskDigitsIn(value) : value
  const safe = FORMULA_START.test(shown) ? `'${shown}` : shown
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

const HASH_COLUMNS = new Set<string>(['prevHash', 'hash'])

// before/after in canonical JSON: the same text the entry's hash covers for those fields.
const rowOf = (entry: AuditEntry, names: AuditCsvNames): string[] => [
  entry.entityId,
  entry.seq,
  entry.at,
  entry.area,
  entry.actor.id,
  entry.actor.role,
  entry.action,
  canonicalJson(entry.before ?? null),
  canonicalJson(entry.after ?? null),
  entry.correlationId,
  entry.prevHash,
  entry.hash,
  names.place(entry.area),
  names.actor(entry.actor),
  localTimeOf(entry),
]

export const auditCsv = (entries: Iterable<AuditEntry>, names: AuditCsvNames): string => {
  const lines = [AUDIT_CSV_COLUMNS.join(',')]
  for (const entry of entries)
    lines.push(
      rowOf(entry, names)
        .map((cell, index) => csvCell(cell, { mask: !HASH_COLUMNS.has(AUDIT_CSV_COLUMNS[index] ?? '') }))
        .join(','),
    )
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`
}
