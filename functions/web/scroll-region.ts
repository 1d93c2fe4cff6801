/**
 * A wide table in a horizontally scrolling box (360 px screens). The box is focusable
 * and named, so keyboard users can scroll it too (axe `scrollable-region-focusable`).
 * Named by a label, or by the id of a heading already on the page, so a region never
 * repeats the name of a landmark around it (axe `landmark-unique`).
 */
import { html, type SafeHtml } from './html'

export type RegionName = string | { labelledBy: string }

export const scrollRegion = (name: RegionName, content: SafeHtml): SafeHtml =>
  typeof name === 'string'
    ? html`<div class="table-wrap" role="region" aria-label="${name}" tabindex="0">${content}</div>`
    : html`<div class="table-wrap" role="region" aria-labelledby="${name.labelledBy}" tabindex="0">
        ${content}
      </div>`
