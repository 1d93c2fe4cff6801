/**
 * Kemendagri area codes as the API spells them: dotted segments, two digits for the
 * province (`32`), regency (`32.01`) and district (`32.01.14`), four for the village
 * (`32.01.14.2001`). Everything here is string work on the code alone; whether a code
 * exists is the `AreaIndex`'s business.
 */
export type AreaLevel = 'province' | 'regency' | 'district' | 'village'

/** The scope of national users (`auditor.pusat`, `admin`): every area. */
export const ALL_AREAS = '*'

const LEVEL_PATTERNS: ReadonlyArray<readonly [AreaLevel, RegExp]> = [
  ['province', /^\d{2}$/],
  ['regency', /^\d{2}\.\d{2}$/],
  ['district', /^\d{2}\.\d{2}\.\d{2}$/],
  ['village', /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/],
]

/** The level of a well-formed code; `undefined` for anything else (including `*`). */
export const areaLevel = (code: string): AreaLevel | undefined =>
  LEVEL_PATTERNS.find(([, pattern]) => pattern.test(code))?.[0]

/** One level up (`32.01.14` → `32.01`); `undefined` for a province or a malformed code. */
export const parentCode = (code: string): string | undefined => {
  const level = areaLevel(code)
  if (level === undefined || level === 'province') return undefined
  return code.slice(0, code.lastIndexOf('.'))
}

/**
 * Whether `code` lies inside `scope` (the area claim of a user). Prefixes only count on
 * dot boundaries, so `32.01` holds `32.01.14.2001` but not `32.011`; `*` holds every
 * well-formed code. A malformed code or scope is never within anything: authorization
 * must fail closed.
 */
export const isWithin = (code: string, scope: string): boolean => {
  if (areaLevel(code) === undefined) return false
  if (scope === ALL_AREAS) return true
  if (areaLevel(scope) === undefined) return false
  return code === scope || code.startsWith(`${scope}.`)
}

const ancestorAt = (code: string, segments: number): string | undefined => {
  if (areaLevel(code) === undefined) return undefined
  const parts = code.split('.')
  return parts.length < segments ? undefined : parts.slice(0, segments).join('.')
}

export const provinceOf = (code: string): string | undefined => ancestorAt(code, 1)

/** The kabupaten/kota of a regency, district or village code (itself for a regency). */
export const kabupatenOf = (code: string): string | undefined => ancestorAt(code, 2)

/** The kecamatan of a district or village code (itself for a district). */
export const kecamatanOf = (code: string): string | undefined => ancestorAt(code, 3)

/** `32.01.14` → `320114`: the form used inside NIKs, KKs and case references. */
export const compactCode = (code: string): string => code.replaceAll('.', '')

/** `320114` → `32.01.14`; `undefined` unless given exactly six digits. */
export const kecamatanFromCompact = (compact: string): string | undefined =>
  /^\d{6}$/.test(compact) ? `${compact.slice(0, 2)}.${compact.slice(2, 4)}.${compact.slice(4, 6)}` : undefined
