/**
 * A wide table in a horizontally scrolling box (360 px screens). The box is focusable
 * and named, so keyboard users can scroll it too (axe `scrollable-region-focusable`).
 */
import { html, type SafeHtml } from './html'

export const scrollRegion = (label: string, content: SafeHtml): SafeHtml =>
  html`<div class="table-wrap" role="region" aria-label="${label}" tabindex="0">${content}</div>`
