import { describe, expect, it } from 'vitest';
import { closest, didYouMean } from '../../src/text/closest.js';

describe('closest', () => {
  it('names the nearest known value when it is close: a typo, a swapped pair, a letter missing or doubled', () => {
    expect(closest('RUA', ['FSC', 'RAU', 'RIU'])).toBe('RAU');
    expect(closest('planed', ['planned', 'ongoing'])).toBe('planned');
    expect(closest('Europl', ['Europol', 'eu-LISA'])).toBe('Europol');
    expect(closest('eu-lisaa', ['eu-lisa', 'europol'])).toBe('eu-lisa');
    expect(closest('frontex-euaa-2062', ['frontex-easo-2019', 'frontex-euaa-2026'])).toBe('frontex-euaa-2026');
    expect(closest('inprogress', ['in-progress', 'planned'])).toBe('in-progress');
  });

  it('names nothing when even the nearest is far, however short or long the word', () => {
    expect(closest('x', [])).toBeUndefined();
    expect(closest('XYZ', ['RAU', 'FSC'])).toBeUndefined();
    expect(closest('constructor', ['plans', 'timezone'])).toBeUndefined();
    expect(closest('titel', ['id', 'prefix'])).toBeUndefined();
    expect(closest('information', ['operational-cooperation', 'capacity-building'])).toBeUndefined();
  });

  it('is case-insensitive and says it in one parenthesis, or not at all', () => {
    expect(didYouMean('rua', ['RAU'])).toBe(' (did you mean RAU?)');
    expect(didYouMean('QQQ', ['RAU'])).toBe('');
  });
});
