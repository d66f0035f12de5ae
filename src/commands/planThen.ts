import { planAsOf, planStart } from '../domain/planAsOf.js';
import { plansOf, scopeView } from '../domain/scope.js';
import { UsageError } from '../errors.js';
import type { Plan } from '../model.js';
import { calendarOption } from './calendarOption.js';

/**
 * The plans in view as `--as-of DATE` asks for them (unchanged without the option, since nothing
 * in them is dated after today): a plan that did not exist on that day leaves the scope, and a
 * scope left empty, like a day after `today`, is a usage error.
 */
export function planThen(view: Plan, asOf: string | undefined, today: string): Plan {
  if (asOf === undefined) return view;
  const date = calendarOption(asOf, '--as-of');
  // The history records the past: a day to come would show today's statuses under a later date.
  if (date > today) throw new UsageError(`--as-of ${date}: after today (${today}); the history goes no further`);
  const plans = plansOf(view);
  const then = plans.flatMap((plan) => planAsOf(plan, date) ?? []);
  if (then.length === plans.length && then.every((plan, index) => plan === plans[index])) return view;
  if (then.length > 0) return scopeView(then);
  const starts = plans.map(planStart).filter((start): start is string => start !== undefined).sort();
  const subject = plans.length === 1 ? 'the plan begins' : 'the first plan in scope begins';
  throw new UsageError(`--as-of ${date}: ${subject} on ${starts[0]}; before that day it is not in scope`);
}
