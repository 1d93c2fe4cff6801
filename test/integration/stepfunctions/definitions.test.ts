/**
 * Every fixture here and every workflow of the system (workflows/*.asl.json) is valid ASL
 * for asl-validator with ARN and path checks on, once its substitutions are applied.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { STEPS_FUNCTION_SUBSTITUTION } from '../../../workflows/workflows'
import { fixtureNames, fixtureText, STEPS_ARN } from './harness'

type AslValidator = (
  definition: unknown,
  options: { checkArn: boolean; checkPaths: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string }
const aslValidator = createRequire(import.meta.url)('asl-validator') as AslValidator

const workflowsDir = new URL('../../../workflows/', import.meta.url)
const workflowFiles = readdirSync(workflowsDir).filter((file) => file.endsWith('.asl.json'))

const placeholder = new RegExp(String.raw`\$\{${STEPS_FUNCTION_SUBSTITUTION}\}`, 'g')
const substituted = (text: string): unknown => JSON.parse(text.replace(placeholder, STEPS_ARN))

const expectValid = (text: string) => {
  const { isValid, errorsText } = aslValidator(substituted(text), { checkArn: true, checkPaths: true })
  expect(isValid, errorsText('\n')).toBe(true)
}

describe('ASL definitions', () => {
  it.each(fixtureNames())('fixture %s passes asl-validator', (name) => {
    expectValid(fixtureText(name))
  })

  it.each(workflowFiles.length > 0 ? workflowFiles : ['(none yet)'])(
    'workflow %s passes asl-validator',
    (file) => {
      if (workflowFiles.length === 0) return
      expectValid(readFileSync(new URL(file, workflowsDir), 'utf8'))
    },
  )

  it('asl-validator rejects a definition that names a missing state, so these checks can fail', () => {
    const broken = { StartAt: 'Nowhere', States: { Here: { Type: 'Pass', End: true } } }
    expect(aslValidator(broken, { checkArn: true, checkPaths: true }).isValid).toBe(false)
  })
})
