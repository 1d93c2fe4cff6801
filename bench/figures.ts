/**
 * The one table of `npm run bench` (issue 20 point 5): each figure beside the baseline
 * of the same run it is divided by, the ratio, and the target; `--json` writes the same.
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

export interface Figure {
  name: string
  value: number
  unit: string
  baseline?: { name: string; value: number }
  /** What the ratio (value ÷ baseline), or the value itself when `absolute`, should be. */
  target?: ({ atMost: number } | { atLeast: number }) & { absolute?: true }
}

const ratioOf = (figure: Figure): number =>
  figure.baseline ? figure.value / figure.baseline.value : figure.value

const met = (figure: Figure): string => {
  if (!figure.target) return ''
  const ratio = figure.target.absolute ? figure.value : ratioOf(figure)
  const what = figure.target.absolute ? figure.unit : 'ratio'
  return 'atMost' in figure.target
    ? `${ratio <= figure.target.atMost ? 'met' : 'MISSED'} (${what} ≤ ${figure.target.atMost})`
    : `${ratio >= figure.target.atLeast ? 'met' : 'MISSED'} (${what} ≥ ${figure.target.atLeast})`
}

export const machine = () => ({
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverage: loadavg().map((load) => Number(load.toFixed(1))),
  node: process.version,
  at: new Date().toISOString(),
})

const number = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2))

/** A Markdown table, so the README can show it as printed. */
export const tableOf = (figures: readonly Figure[]): string => {
  const lines = [
    '| Figure | Value | Baseline (same run) | Ratio | Target |',
    '| --- | ---: | --- | ---: | --- |',
    ...figures.map((figure) =>
      [
        figure.name,
        `${number(figure.value)} ${figure.unit}`,
        figure.baseline ? `${figure.baseline.name}: ${number(figure.baseline.value)} ${figure.unit}` : '—',
        figure.baseline ? ratioOf(figure).toFixed(2) : '—',
        met(figure),
      ].join(' | '),
    ),
  ]
  return lines.map((line) => (line.startsWith('|') ? line : `| ${line} |`)).join('\n')
}

export const writeJson = (path: string, figures: readonly Figure[], extra: Record<string, unknown>): void =>
  writeFileSync(
    path,
    `${JSON.stringify(
      {
        machine: machine(),
        ...extra,
        figures: figures.map((figure) => ({ ...figure, ratio: ratioOf(figure), met: met(figure) })),
      },
      null,
      2,
    )}\n`,
  )
