/**
 * The lint rule that keeps DynamoDB keys in the keys module (eslint.config.js,
 * `keySpelledByHand`): samples it must refuse and samples it must let pass, through ESLint
 * with the project's own configuration, so that an edit to its selector or to the order of
 * the config blocks cannot switch it off unnoticed.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const KEY_RULE = /Spell DynamoDB keys only in the keys module/

const keyFindings = async (code: string, filePath: string): Promise<number> => {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((message) => KEY_RULE.test(message.message)).length
}

const FLOW = 'functions/flows/case/sample.ts'

describe('the rule that keys are spelled only in the keys module', () => {
  it.each([
    ['a literal key', "export const k = (id: string) => 'CASE#' + id"],
    ['a template key', 'export const k = (id: string) => `TASK#${id}`'],
    ['a key part after an interpolation', 'export const k = (id: string) => `${id}#CASE`'],
    ['a regular expression over keys', 'export const isCase = (pk: string) => /^CASE#/.test(pk)'],
  ])('refuses %s in deployed code', async (_what, code) => {
    expect(await keyFindings(code, FLOW)).toBe(1)
  })

  it('refuses a key pattern in the stacks and the local platform', async () => {
    expect(await keyFindings("export const pattern = 'RL#*'", 'infra/stacks/sample.ts')).toBe(1)
    expect(await keyFindings('export const k = (id: string) => `EXEC#${id}`', 'infra/local/sample.ts')).toBe(
      1,
    )
  })

  it.each([
    ['a colour', "export const colour = '#1f6feb'"],
    ['an anchor', "export const anchor = '#main'"],
    ['a link to a heading', "export const help = 'README.md#setup'"],
    ['a sentence with a number sign', "export const text = 'Nomor #12 sudah dipakai'"],
    ['a template with an anchor after a path', 'export const href = (path: string) => `${path}#isi`'],
  ])('lets %s pass in deployed code', async (_what, code) => {
    expect(await keyFindings(code, FLOW)).toBe(0)
  })

  it('lets the keys module spell keys', async () => {
    expect(
      await keyFindings('export const k = (id: string) => `CASE#${id}`', 'functions/data/keys/sample.ts'),
    ).toBe(0)
    expect(await keyFindings("export const k = 'CASE#'", 'functions/data/keys.ts')).toBe(0)
  })
})
