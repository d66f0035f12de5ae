import type { Status } from '../model.js';

/** The few text styles renderers use; a chalk instance is one, `plain` is the colourless one. */
export interface Style {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
  blue: (text: string) => string;
  cyan: (text: string) => string;
  magenta: (text: string) => string;
  gray: (text: string) => string;
}

const same = (text: string) => text;

export const plain: Style = { bold: same, dim: same, red: same, green: same, yellow: same, blue: same, cyan: same, magenta: same, gray: same };

/** chalk at a fixed level when colour is on (decided once, by the caller), else `plain`; chalk loads only when needed. */
export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** A status in its colour. */
export function statusText(status: Status, style: Style): string {
  const paint: Record<Status, (text: string) => string> = {
    planned: style.blue,
    'in-progress': style.cyan,
    ongoing: style.green,
    completed: style.gray,
    'on-hold': style.yellow,
    cancelled: style.red,
  };
  return paint[status](status);
}
