import { STATUSES, type Status } from '../../model.js';

// Each status has a colour and a texture of its own, so bars stay apart in greyscale, in print and
// for readers who do not tell the colours apart; the texture is drawn in ink over the colour.
const TEXTURES: Record<Status, string> = {
  planned: '<path d="M-1 1l2-2M0 8l8-8M7 9l2-2" class="ink"/>',
  'in-progress': '<circle cx="2" cy="2" r="1.2" class="dot"/><circle cx="6" cy="6" r="1.2" class="dot"/>',
  ongoing: '<path d="M0 2h8M0 6h8" class="ink"/>',
  completed: '',
  'on-hold': '<path d="M0 0l8 8M8 0l-8 8" class="ink"/>',
  cancelled: '<path d="M2 0v8M6 0v8" class="ink"/>',
};

/** The id of a status's fill pattern, for fill="url(#…)". */
export function statusPattern(status: Status): string {
  return `status-${status}`;
}

/**
 * One hidden SVG holding every status's pattern, written once at the top of the page and used by
 * every chart, so no id is defined twice. Colours come from the page's style sheet (classes), so
 * the dark theme and print change them in one place.
 */
export const STATUS_PATTERNS = `<svg class="patterns" aria-hidden="true" focusable="false" width="0" height="0"><defs>${STATUSES.map(
  (status) => `<pattern id="${statusPattern(status)}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" class="fill-${status}"/>${TEXTURES[status]}</pattern>`,
).join('')}</defs></svg>`;
