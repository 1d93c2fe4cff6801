/**
 * The builder of `laporan.asl.json` (issue 16 item 5, ADR 0039; its catch-all, ADR 0040):
 * the laporan bulanan's deadline — read the report's reminder and due instants, wait,
 * remind the TKSK, wait, escalate to Dinsos. A step that still fails after its retries
 * goes to the catch-all of ADR 0025, as the case and verval workflows' do: the report
 * NEEDS_ATTENTION, retried by Dinsos from the failed state.
 * test/unit/workflows/laporan-asl.test.ts keeps the JSON equal to what this builds.
 *
 * After a change: `npx tsx workflows/laporan-asl.ts && npx prettier --write workflows/laporan.asl.json`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { withCatchAll } from './catch-all-asl'
import { invoke, RETRY, step } from './lambda-task-asl'

const waitUntil = (timestampPath: string, next: string) => ({
  Type: 'Wait',
  TimestampPath: timestampPath,
  Next: next,
})

export const buildLaporanAsl = () => ({
  Comment:
    "The laporan bulanan's deadline (issue 16 item 5, ADR 0039): reminder to the TKSK one hari kerja before the due date, escalation to Dinsos at it, each only while the report is unsent. Input {kecamatan, month}.",
  StartAt: 'Schedule',
  States: withCatchAll(
    {
      Schedule: step(
        "Read the report's reminder and due instants",
        { step: 'schedule', 'input.$': '$' },
        'WaitForReminder',
      ),
      WaitForReminder: waitUntil('$.remindAt', 'Remind'),
      Remind: step(
        'Remind the TKSK if the report is still unsent',
        { step: 'remind', 'input.$': '$' },
        'WaitForDue',
      ),
      WaitForDue: waitUntil('$.dueAt', 'Escalate'),
      Escalate: step(
        'Tell Dinsos if the report is still unsent at its due date',
        { step: 'escalate', 'input.$': '$' },
        'Done',
      ),
      Done: { Type: 'Succeed' },
    },
    invoke,
    RETRY,
  ),
})

if (process.argv[1] === fileURLToPath(import.meta.url))
  writeFileSync(
    new URL('./laporan.asl.json', import.meta.url),
    `${JSON.stringify(buildLaporanAsl(), null, 2)}\n`,
  )
