/**
 * The import boundaries of functions/ (eslint.config.js, `layerRules`; the table of
 * docs/architecture.md): for each folder, an import the table forbids is refused and one it
 * allows passes, through ESLint with the project's own configuration, so a folder without
 * a block (shared/, web/ and triggers/ had none) or a block a later one replaces shows here.
 */
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })
const BOUNDARY = /This layer may not import that one|A view imports only types/

const boundaryFindings = async (code: string, filePath: string): Promise<number> => {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((message) => BOUNDARY.test(message.message)).length
}

describe('the import boundaries of functions/', () => {
  it.each([
    ['core', 'functions/core/case/sample.ts', "import { env } from '../../shared/env'"],
    ['shared', 'functions/shared/sample.ts', "import { getCase } from '../data/case-repository'"],
    ['shared', 'functions/shared/sample.ts', "import { countMetric } from '../observability/metrics'"],
    ['data', 'functions/data/sample.ts', "import { countMetric } from '../observability/metrics'"],
    ['mail', 'functions/mail/sample.ts', "import { getCase } from '../data/case-repository'"],
    ['flows', 'functions/flows/case/sample.ts', "import { handler } from '../../triggers/mailer'"],
    ['web', 'functions/web/sample.ts', "import { decideTask } from '../flows/case/decide-task'"],
    ['web', 'functions/web/sample.ts', "import { getCase } from '../data/case-repository'"],
    ['web', 'functions/web/sample.ts', "import { json } from '../http/runtime/responses'"],
    ['steps', 'functions/steps/case/sample.ts', "import { json } from '../../http/runtime/responses'"],
    ['triggers', 'functions/triggers/sample.ts', "import { json } from '../http/runtime/responses'"],
    ['triggers', 'functions/triggers/sample.ts', "import { page } from '../web/layout'"],
    ['http', 'functions/http/cases/sample.ts', "import { handler } from '../../steps/case/handler'"],
    [
      'http',
      'functions/http/cases/sample.ts',
      "import { readOutbox } from '../../../infra/local/mail/outbox'",
    ],
  ])('refuses what %s may not import (%s: %s)', async (_layer, filePath, code) => {
    expect(
      await boundaryFindings(`${code}\nexport const used = [${code.match(/\{ (\w+)/)?.[1]}]\n`, filePath),
    ).toBe(1)
  })

  it.each([
    ['shared', 'functions/shared/sample.ts', "import { maskNik } from '../core/identity/mask'"],
    ['web', 'functions/web/sample.ts', "import type { AttentionItem } from '../data/attention-repository'"],
    ['web', 'functions/web/sample.ts', "import type { HttpResult } from '../http/runtime/action'"],
    ['web', 'functions/web/sample.ts', "import { escapeHtml } from './html'"],
    ['mail', 'functions/mail/sample.ts', "import { escapeHtml } from '../web/html'"],
    ['triggers', 'functions/triggers/sample.ts', "import { deliverMail } from '../flows/mail/deliver-mail'"],
    ['flows', 'functions/flows/case/sample.ts', "import { countMetric } from '../../observability/metrics'"],
    [
      'http/dev',
      'functions/http/dev/sample.ts',
      "import { readOutbox } from '../../../infra/local/mail/outbox'",
    ],
  ])('lets %s import what the table allows (%s: %s)', async (_layer, filePath, code) => {
    expect(
      await boundaryFindings(`${code}\nexport const used = [${code.match(/\{ (\w+)/)?.[1]}]\n`, filePath),
    ).toBe(0)
  })
})
