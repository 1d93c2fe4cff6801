/**
 * The lint rule that writes date formats in Bahasa Indonesia (eslint.config.js,
 * `englishDateFormat`; ui14): staff forms said `YYYY-MM-DD` where the public form said
 * `TTTT-BB-HH`. Samples it must refuse and samples it must let pass, through ESLint with
 * the project's own configuration, so an edit to its selector cannot switch it off unnoticed.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const DATE_RULE = /Write a date format in Bahasa Indonesia/

const dateFindings = async (code: string, filePath = 'functions/web/sample.ts'): Promise<number> => {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((message) => DATE_RULE.test(message.message)).length
}

describe('the rule that a date format is written TTTT-BB-HH', () => {
  it.each([
    ['a form hint', "export const hint = 'Format YYYY-MM.'"],
    ['a zod message', "export const message = { error: 'Tanggal harus berformat YYYY-MM-DD.' }"],
    ['a template message', 'export const message = (field: string) => `${field} berformat YYYY-MM-DD.`'],
    [
      'a message in a zod chain that ends in .describe()',
      "export const s = z.string({ error: 'Periode wajib diisi (YYYY-MM).' }).describe('m')",
    ],
    ['an app error', "export const fail = () => { throw new BadRequestError('Periode harus YYYY-MM.') }"],
  ])('refuses %s', async (_what, code) => {
    expect(await dateFindings(code)).toBe(1)
  })

  it('refuses it in every folder of deployed code, the keys module included', async () => {
    expect(await dateFindings("export const m = 'Bulan YYYY-MM'", 'functions/core/sample.ts')).toBe(1)
    expect(await dateFindings("export const m = 'Bulan YYYY-MM'", 'functions/data/keys/sample.ts')).toBe(1)
  })

  it.each([
    ['the Indonesian format', "export const hint = 'Format TTTT-BB-HH.'"],
    ['an OpenAPI description', "export const s = schema.describe('YYYY-MM: the current or previous month')"],
    [
      'a thrown error',
      'export const fail = (d: string) => { throw new RangeError(`not a YYYY-MM-DD date: ${d}`) }',
    ],
    ['a comment', '/** `YYYY-MM-DD` in the area’s zone. */\nexport const x = 1'],
  ])('lets %s pass', async (_what, code) => {
    expect(await dateFindings(code)).toBe(0)
  })
})
