import { expect } from 'vitest';
import { loadFixture, shippedPlan, shippedRoot, TODAY } from './helpers.js';
import { sourceActivities } from './source-activities.js';

/** Text with every run of white space made one space, as a reader sees it. */
export const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The sentences of a text: what follows a full stop, colon or semicolon and a space starts a new one. */
export function sentences(text: string): string[] {
  return collapse(text)
    .split(/(?<=[.:;])\s+(?=[A-Z“"])/)
    .filter((sentence) => sentence !== '');
}

/** Asserts that `shown` (a document's text, collapsed) holds every sentence of every activity of the frozen plan, and each phrase of the signed source. */
export function expectSignedText(shown: string): void {
  const { plan } = loadFixture(shippedPlan, { cwd: shippedRoot, today: TODAY });
  let count = 0;
  for (const activity of plan!.activities) {
    for (const sentence of [activity.text, ...(activity.actions ?? [])].flatMap(sentences)) {
      expect(shown, `${activity.id}: ${sentence}`).toContain(sentence);
      count++;
    }
  }
  expect(count).toBeGreaterThan(40);
  for (const { id, phrases } of sourceActivities) {
    for (const phrase of phrases) expect(shown, `${id}: ${phrase}`).toContain(collapse(phrase));
  }
}
