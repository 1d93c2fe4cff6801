/**
 * The keys module: every DynamoDB key of the system is spelled in `keys/` and nowhere
 * else (DESIGN §2 data model). `keys/shapes.ts` declares each aggregate's shape once
 * (ADR 0021): the table key of each kind of item, the index entries it carries and its
 * audit chain, as templates (`key-shape.ts`). The named helpers of `keys/<group>.ts`
 * build keys, index entries and `begins_with` prefixes from those templates;
 * repositories import them from here, and nothing else concatenates `#`.
 */
export type { Key } from './keys/key'
export * from './keys/shapes'
export * from './keys/staff'
export * from './keys/access'
export * from './keys/platform'
export * from './keys/audit'
export * from './keys/cases'
export * from './keys/tasks'
export * from './keys/verval'
export * from './keys/berita-acara'
export * from './keys/retention'
export * from './keys/outbox'
export * from './keys/attention'
export * from './keys/registers'
