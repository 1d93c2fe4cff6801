/**
 * The builder of `bansos.asl.json` (issue 15 item 4, ADR 0036): the short workflow of a
 * complaint, proposal or objection. The case goes to the TKSK, who verifies it in one
 * human task (due 5 hari kerja, reminder the day before, Dinsos at due to reassign or
 * extend, final deadline closing NOT_FULFILLED), and the decision closes the case:
 * resolved, forwarded with an email, or turned into a draft verval row. The states are
 * the case workflow's own building blocks and run on the same steps Lambda code.
 *
 * After a change: `npx tsx workflows/bansos-asl.ts && npx prettier --write workflows/bansos.asl.json`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { choice, humanTask } from './case-asl'
import { invoke, RETRY, step } from './lambda-task-asl'
import { withCatchAll } from './catch-all-asl'

export const buildBansosAsl = () => ({
  Comment:
    'Bansos complaint, proposal or objection (ADR 0036): the TKSK verifies within 5 hari kerja (reminder, escalation to Dinsos, final deadline), then the case closes resolved, forwarded or as a draft verval row.',
  StartAt: 'Identify',
  TimeoutSeconds: 60 * 86_400,
  States: withCatchAll(
    {
      Identify: step(
        'Assign the TKSK and send the filer the receipt',
        { step: 'identifyBansos', 'input.$': '$' },
        'AfterIdentify',
      ),
      AfterIdentify: choice({ ASSESS: 'OpenVerification' }),
      // Every decision closes the case (the Choice's Default): no other way out.
      ...humanTask('BANSOS_VERIFICATION', 'Verification', {}),
      Close: step('Outcome and filer notice', { step: 'close', 'input.$': '$' }, 'Done'),
      Done: { Type: 'Succeed' },
    },
    invoke,
    RETRY,
  ),
})

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(
    new URL('./bansos.asl.json', import.meta.url),
    `${JSON.stringify(buildBansosAsl(), null, 2)}\n`,
  )
