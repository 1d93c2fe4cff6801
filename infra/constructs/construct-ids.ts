/**
 * Construct ids from the kebab-case names of functions and workflows (`staff-admin` →
 * `StaffAdmin`): the ids are part of every logical id in the template, so every
 * construct named after a function or workflow derives its id here.
 */
export const pascalCase = (name: string): string =>
  name.replace(/(^|[-_])([a-z])/g, (_match, _separator: string, letter: string) => letter.toUpperCase())
