/**
 * A horizontal bar chart drawn on the server as SVG (issue 16 item 3): no script, so it
 * shows with JavaScript off, prints on paper and scales with the screen (a viewBox, the
 * width 100%). Labels sit above their bar so a long desa or category name never squeezes
 * the bar on a 360 px phone. It is an image named by its title and described by the
 * table beside it, which holds the same figures for screen readers.
 */
import { html, type SafeHtml } from './html'

export interface Bar {
  label: string
  value: number
}

const WIDTH = 600
// viewBox units: at 360 px the 600-wide box is drawn at ~0.55, so text is 22 to read as ~12 px.
const LABEL = 30
const BAR = 22
const GAP = 12
const STEP = LABEL + BAR + GAP
const VALUE_ROOM = 70

export const barChart = (spec: { id: string; title: string; bars: readonly Bar[] }): SafeHtml => {
  const max = Math.max(1, ...spec.bars.map((b) => b.value))
  const height = Math.max(STEP, spec.bars.length * STEP)
  const scale = (WIDTH - VALUE_ROOM) / max
  return html`<figure class="bar-chart">
    <svg
      viewBox="0 0 ${WIDTH} ${height}"
      width="100%"
      role="img"
      aria-labelledby="${spec.id}-title"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="${spec.id}-title">${spec.title}</title>
      ${spec.bars.map((bar, index) => {
        const y = index * STEP
        const width = Math.round(bar.value * scale)
        return html`<g>
          <text x="0" y="${y + 22}" class="bar-label">${bar.label}</text>
          <rect
            x="0"
            y="${y + LABEL}"
            width="${Math.max(width, bar.value > 0 ? 2 : 0)}"
            height="${BAR}"
            class="bar"
          ></rect>
          <text x="${width + 8}" y="${y + LABEL + 18}" class="bar-value">${String(bar.value)}</text>
        </g>`
      })}
    </svg>
    <figcaption>${spec.title}</figcaption>
  </figure>`
}
