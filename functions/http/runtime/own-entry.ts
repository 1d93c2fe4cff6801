/**
 * `table[key]` for a key that comes from a request (a query value): only the table's own
 * entries. A plain `table[key]` also finds what every object inherits, so `?disimpan=valueOf`
 * found a function and the page failed with a 500.
 */
export const ownEntry = <T>(table: Readonly<Record<string, T>>, key: string | undefined): T | undefined =>
  key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined
