/**
 * Field-by-field difference of an audit entry's `before` and `after` (the review page
 * shows it so an auditor need not compare two JSON blobs by eye). Objects are walked
 * down to their leaves and named by dotted path (`applicant.address`, `rows.0.status`);
 * arrays by index, because an entry's arrays are small ordered lists (rows, services)
 * whose positions mean something. A value whose type changes (object to string, say)
 * is one change at its own path.
 */
import type { JsonValue } from './audit-entry'

export type FieldChangeKind = 'added' | 'removed' | 'changed'

export interface FieldChange {
  /** Dotted path from the root; `''` when `before`/`after` themselves are not objects. */
  path: string
  kind: FieldChangeKind
  /** Absent for `added`. */
  before?: JsonValue
  /** Absent for `removed`. */
  after?: JsonValue
}

type Container = JsonValue[] | { [key: string]: JsonValue }

const isContainer = (value: JsonValue | undefined): value is Container =>
  typeof value === 'object' && value !== null

const childPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`)

const keysOf = (value: Container): string[] =>
  Array.isArray(value) ? value.map((_, index) => String(index)) : Object.keys(value)

const childOf = (value: Container, key: string): JsonValue | undefined =>
  Array.isArray(value) ? value[Number(key)] : value[key]

/** Both containers of the same kind: compare their children; else the whole value is one change. */
const sameShape = (a: Container, b: Container): boolean => Array.isArray(a) === Array.isArray(b)

const leafEqual = (a: JsonValue, b: JsonValue): boolean => a === b

/** Leaves of a value: what an added or removed container contributes, one line per field. */
const leaves = (value: JsonValue, path: string): [string, JsonValue][] => {
  if (!isContainer(value) || keysOf(value).length === 0) return [[path, value]]
  return keysOf(value).flatMap((key) => leaves(childOf(value, key) ?? null, childPath(path, key)))
}

const walk = (
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: string,
  out: FieldChange[],
) => {
  if (before === undefined && after === undefined) return
  if (before === undefined) {
    for (const [leafPath, value] of leaves(after ?? null, path))
      out.push({ path: leafPath, kind: 'added', after: value })
    return
  }
  if (after === undefined) {
    for (const [leafPath, value] of leaves(before, path))
      out.push({ path: leafPath, kind: 'removed', before: value })
    return
  }
  if (isContainer(before) && isContainer(after) && sameShape(before, after)) {
    const keys = [...new Set([...keysOf(before), ...keysOf(after)])]
    for (const key of keys) walk(childOf(before, key), childOf(after, key), childPath(path, key), out)
    return
  }
  if (isContainer(before) || isContainer(after) || !leafEqual(before, after))
    out.push({ path, kind: 'changed', before, after })
}

/**
 * The changes from `before` to `after`, in the order the fields appear (before's first,
 * then those only after has). `null` at the root means "nothing" (a creation or a
 * deletion), so every field of the other side is added or removed.
 */
export const diffEntry = (before: JsonValue, after: JsonValue): FieldChange[] => {
  const out: FieldChange[] = []
  walk(before === null ? undefined : before, after === null ? undefined : after, '', out)
  return out
}
