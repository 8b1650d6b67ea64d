import { describe, expect, it } from 'vitest';
import { planVersionSchema } from '../engine/plan';
import { actionRulesFor } from './action-rules';

const plan = planVersionSchema.parse({
  settings: {},
  rules: [
    { id: 'lead', kind: 'action', event: 'lead', amountMinor: '20000' },
    { id: 'lead-gold', kind: 'action', event: 'lead', groupId: 'grp_gold', amountMinor: '30000' },
    { id: 'trial', kind: 'action', event: 'custom', customName: 'trial_started', amountMinor: '50000' },
    { id: 'free', kind: 'action', event: 'signup', amountMinor: '0' },
    { id: 'cpc', kind: 'action', event: 'click', amountMinor: '300' },
  ],
});
const ids = (rules: { id: string }[]) => rules.map((rule) => rule.id);

describe('action rules for an event', () => {
  it('matches the event, and a custom conversion by its name', () => {
    expect(ids(actionRulesFor(plan, { kind: 'lead' }, null))).toEqual(['lead']);
    expect(ids(actionRulesFor(plan, { kind: 'custom', name: 'trial_started' }, null))).toEqual(['trial']);
    expect(ids(actionRulesFor(plan, { kind: 'custom', name: 'newsletter' }, null))).toEqual([]);
    expect(ids(actionRulesFor(plan, { kind: 'click' }, 'grp_gold'))).toEqual(['cpc']);
  });

  it('lets the group’s rule replace the general one, and leaves out rules paying nothing', () => {
    expect(ids(actionRulesFor(plan, { kind: 'lead' }, 'grp_gold'))).toEqual(['lead-gold']);
    expect(ids(actionRulesFor(plan, { kind: 'lead' }, 'grp_silver'))).toEqual(['lead']);
    expect(ids(actionRulesFor(plan, { kind: 'signup' }, null))).toEqual([]);
  });
});
