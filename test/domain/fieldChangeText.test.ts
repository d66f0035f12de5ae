import { describe, expect, it } from 'vitest';
import { activityChange } from '../../src/domain/diffPlans.js';
import { fieldChangeRuns } from '../../src/domain/fieldChangeText.js';

describe('fieldChangeRuns', () => {
  it('shows a list or a short value as old → new, (none) for an absent or empty one', () => {
    expect(fieldChangeRuns({ from: null, to: ['TR-1', 'TR-2'] })).toEqual([
      { text: '(none)', kind: 'removed' },
      { text: ' → ', kind: 'same' },
      { text: 'TR-1, TR-2', kind: 'added' },
    ]);
    expect(fieldChangeRuns({ from: 'analysis', to: 'training' }).map((run) => run.text).join('')).toBe('analysis → training');
  });

  it('shows a long text as the words that changed with six words of context either side, the rest elided', () => {
    const words = Array.from({ length: 31 }, (_, index) => `w${index + 1}`);
    const before = words.join(' ');
    const after = before.replace('w16', 'W16');
    const runs = fieldChangeRuns({ from: before, to: after, words: activityChange(activity(before), activity(after))!.changes[0]!.words! });
    expect(runs).toEqual([
      { text: '… w10 w11 w12 w13 w14 w15 ', kind: 'same' },
      { text: 'w16', kind: 'removed' },
      { text: 'W16', kind: 'added' },
      { text: ' w17 w18 w19 w20 w21 w22 …', kind: 'same' },
    ]);
  });
});

function activity(text: string) {
  return { id: 'AN-1', title: 'T', status: 'planned' as const, units: {}, text, history: [{ date: '2019-07-18', status: 'planned' as const }], area: 'analysis', plan: 'p', source: { file: 'a.yaml', line: 1 } };
}
