/**
 * Declared key shapes (ElectroDB's idea, without the library): a key attribute is a
 * template such as `AREA#{kabupaten}#CASE` or `CHUNK#{from:5}#{part:3}`, written once in
 * `keys/shapes.ts`. The same template builds the key, its `begins_with` prefixes and
 * reads a stored key back, so a prefix is never spelled a second time beside it.
 *
 * Segments are separated by `#` (`:` for audit chains). A value holds no separator, but
 * for the last segment of a template, which takes the rest of the key (an idempotency
 * key or a rate-limit client is not ours to choose). `{name:5}` is a number written with
 * five digits, so that keys sort in numeric order.
 */

type Segment = { literal: string } | { field: string; width?: number }

/** The field names of a template: `'CASE#{caseId}'` → `'caseId'`. */
export type FieldsOf<S extends string> = S extends `${string}{${infer Field}}${infer Rest}`
  ? (Field extends `${infer Name}:${string}` ? Name : Field) | FieldsOf<Rest>
  : never

export type KeyValues<S extends string> = { [F in FieldsOf<S>]: string | number }

export interface KeyTemplate<S extends string = string> {
  readonly spec: S
  readonly separator: string
  readonly segments: readonly Segment[]
  /** The key of these values. */
  format(values: KeyValues<S>): string
  /**
   * The `begins_with` prefix of the leading values given, up to the first one missing,
   * with its trailing separator: `{kecamatan}#{status}#…` of `{ kecamatan }` is
   * `kecamatan#`. Of no value, the template's literal head (`CHUNK#`).
   */
  prefix(values?: Partial<KeyValues<S>>): string
  /** The values of a stored key; undefined when the key is not of this template. */
  parse(key: string): KeyValues<S> | undefined
}

const FIELD = /^\{([A-Za-z]+)(?::(\d+))?\}$/

const segmentOf = (text: string): Segment => {
  const match = FIELD.exec(text)
  if (!match?.[1]) return { literal: text }
  return match[2] ? { field: match[1], width: Number(match[2]) } : { field: match[1] }
}

const textOf = (segment: Segment, value: string | number | undefined): string => {
  if ('literal' in segment) return segment.literal
  if (value === undefined) throw new Error(`key field ${segment.field} is missing`)
  return segment.width === undefined ? String(value) : String(value).padStart(segment.width, '0')
}

export const keyTemplate = <const S extends string>(spec: S, separator = '#'): KeyTemplate<S> => {
  const segments = spec.split(separator).map(segmentOf)
  const valueOf = (values: Partial<Record<string, string | number>>, segment: Segment) =>
    'field' in segment ? values[segment.field] : undefined
  return {
    spec,
    separator,
    segments,
    format: (values) => segments.map((segment) => textOf(segment, valueOf(values, segment))).join(separator),
    prefix: (values = {}) => {
      const parts: string[] = []
      for (const segment of segments) {
        const value = valueOf(values, segment)
        if ('field' in segment && value === undefined) break
        parts.push(textOf(segment, value))
      }
      return parts.map((part) => part + separator).join('')
    },
    parse: (key) => {
      const parts = key.split(separator)
      if (parts.length < segments.length) return undefined
      const last = parts.slice(segments.length - 1).join(separator)
      const texts = [...parts.slice(0, segments.length - 1), last]
      const values: Record<string, string | number> = {}
      for (const [index, segment] of segments.entries()) {
        const text = texts[index] ?? ''
        if ('literal' in segment) {
          if (text !== segment.literal) return undefined
        } else if (segment.width !== undefined) {
          if (!/^\d+$/.test(text)) return undefined
          values[segment.field] = Number(text)
        } else {
          if (text === '') return undefined
          values[segment.field] = text
        }
      }
      return values as KeyValues<S>
    },
  }
}

/** One kind of item: its table key, both attributes declared. */
export interface ItemShape<P extends string = string, S extends string = string> {
  readonly pk: KeyTemplate<P>
  readonly sk: KeyTemplate<S>
  /** The item's key (`{ pk, sk }`) from the values of both templates. */
  key(values: KeyValues<P> & KeyValues<S>): { pk: string; sk: string }
}
export const itemShape = <const P extends string, const S extends string>(pk: P, sk: S): ItemShape<P, S> => {
  const pkTemplate = keyTemplate(pk)
  const skTemplate = keyTemplate(sk)
  return {
    pk: pkTemplate,
    sk: skTemplate,
    key: (values) => ({ pk: pkTemplate.format(values), sk: skTemplate.format(values) }),
  }
}

export type IndexName = 'gsi1' | 'gsi2'
export type IndexEntry<I extends IndexName> = { [A in `${I}pk` | `${I}sk`]: string }

/** One entry in a global secondary index, declared beside the items that carry it. */
export interface IndexShape<
  I extends IndexName = IndexName,
  P extends string = string,
  S extends string = string,
> {
  readonly index: I
  readonly pk: KeyTemplate<P>
  readonly sk: KeyTemplate<S>
  /** The index attributes an item carries (`{ gsi1pk, gsi1sk }`). */
  entry(values: KeyValues<P> & KeyValues<S>): IndexEntry<I>
}
export const indexShape = <const I extends IndexName, const P extends string, const S extends string>(
  index: I,
  pk: P,
  sk: S,
): IndexShape<I, P, S> => {
  const pkTemplate = keyTemplate(pk)
  const skTemplate = keyTemplate(sk)
  return {
    index,
    pk: pkTemplate,
    sk: skTemplate,
    entry: (values) =>
      ({
        [`${index}pk`]: pkTemplate.format(values),
        [`${index}sk`]: skTemplate.format(values),
      }) as IndexEntry<I>,
  }
}

/** An aggregate: the items under its partitions and the index entries they carry. */
export interface AggregateShape {
  readonly items: Readonly<Record<string, ItemShape>>
  readonly indexes?: Readonly<Record<string, IndexShape<'gsi1'> | IndexShape<'gsi2'>>>
  /** Its audit chain (the audit table's `entityId`), when its changes are audited. */
  readonly chain?: KeyTemplate
}

/**
 * Whether some key could be read by both templates (same number of segments, and at
 * each place a field on either side or the same literal). Two aggregates whose
 * partition templates overlap could write over each other's items.
 */
export const templatesOverlap = (a: KeyTemplate, b: KeyTemplate): boolean =>
  a.separator === b.separator &&
  a.segments.length === b.segments.length &&
  a.segments.every((segment, index) => {
    const other = b.segments[index]
    return !other || 'field' in segment || 'field' in other || segment.literal === other.literal
  })
