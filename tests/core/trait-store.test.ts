import { createTouchpoint, type SurveyDue, type TouchpointConfig } from '@touchpoint/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TRAITS_KEY } from '../../packages/core/src/keys';
import { createTraitStore } from '../../packages/core/src/trait-store';
import type { JsonValue } from '../../packages/core/src/types';

/** A store in memory, as the core's store behaves without localStorage. */
const memoryStore = (initial: Record<string, JsonValue> = {}) => {
  const values: Record<string, JsonValue | undefined> = { ...initial };
  return {
    values,
    _get: (key: string) => values[key],
    _set: (key: string, value: JsonValue | undefined) => {
      values[key] = value;
    },
  };
};

describe('createTraitStore', () => {
  it('keeps only the keys the configuration names, merged over what was stored', () => {
    const store = memoryStore({ [TRAITS_KEY]: { plan: 'free', orders: 2 } });
    const traits = createTraitStore(store);
    traits._note({ plan: 'pro', email: 'a@b.c' }, ['plan', 'orders']);
    expect(store.values[TRAITS_KEY]).toEqual({ plan: 'pro', orders: 2 });
    expect(traits._read()).toEqual({ plan: 'pro', orders: 2 });
  });

  it('holds traits given before any configuration in memory, then keeps the named ones', () => {
    const store = memoryStore();
    const traits = createTraitStore(store);
    traits._note({ plan: 'pro', email: 'a@b.c' }, undefined);
    expect(store.values[TRAITS_KEY]).toBeUndefined();
    expect(traits._read()).toEqual({ plan: 'pro', email: 'a@b.c' });
    traits._keep(['plan']);
    expect(store.values[TRAITS_KEY]).toEqual({ plan: 'pro' });
    expect(traits._read()).toEqual({ plan: 'pro' });
  });

  it('forgets stored traits a new configuration no longer names', () => {
    const store = memoryStore({ [TRAITS_KEY]: { plan: 'pro' } });
    createTraitStore(store)._keep([]);
    expect(store.values[TRAITS_KEY]).toBeUndefined();
  });

  it.each<[string, JsonValue]>([
    ['a list', ['pro']],
    ['a string', 'pro'],
    ['null', null],
  ])('reads stored traits that are %s as none', (_, stored) => {
    expect(createTraitStore(memoryStore({ [TRAITS_KEY]: stored }))._read()).toEqual({});
  });
});

describe('traits on the page', () => {
  const config: TouchpointConfig = {
    version: 1,
    surveys: [{ id: 'pro-nps', metric: 'nps', question: 'Q', when: { pages: ['/'], user: { plan: 'pro' } } }],
  };
  const start = (options: Parameters<typeof createTouchpoint>[0] = {}) => {
    const tp = createTouchpoint({ config, autoPageviews: false, ...options });
    const dues: string[] = [];
    tp.on('survey_due', (due: SurveyDue) => dues.push(due.survey.id));
    return { tp, dues };
  };
  const stored = () => JSON.parse(localStorage.getItem(`tp_${TRAITS_KEY}`) ?? 'null');

  beforeEach(() => {
    localStorage.clear();
    history.replaceState(null, '', '/');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('re-checks the surveys when traits arrive after the page loaded', () => {
    const { tp, dues } = start();
    tp.page();
    expect(dues).toEqual([]);
    tp.identify('u-7', { plan: 'free' });
    expect(dues).toEqual([]);
    tp.identify('u-7', { plan: 'pro' });
    expect(dues).toEqual(['pro-nps']);
  });

  it('explains the user gate with what it saw and what it needed', () => {
    const { tp } = start();
    tp.page();
    expect(tp.explain()[0]?.reasons.find((r) => r.rule === 'user')).toEqual({
      rule: 'user',
      trait: 'plan',
      ok: false,
      actual: undefined,
      needed: 'pro',
    });
  });

  it('stores only the trait keys the configuration names', async () => {
    const { tp } = start();
    tp.identify('u-7', { plan: 'pro', email: 'someone@example.com', company: 'Acme' });
    await Promise.resolve();
    expect(stored()).toEqual({ plan: 'pro' });
  });

  it('remembers the named traits on the next page load', async () => {
    start().tp.identify('u-7', { plan: 'pro' });
    await Promise.resolve();
    const { tp, dues } = start();
    tp.page();
    expect(dues).toEqual(['pro-nps']);
  });

  it('stores no trait before consent', async () => {
    const { tp } = start({ requireConsent: true });
    tp.identify('u-7', { plan: 'pro' });
    await Promise.resolve();
    expect(stored()).toBeNull();
    tp.consent(true);
    await Promise.resolve();
    expect(stored()).toEqual({ plan: 'pro' });
  });

  it('forgets the traits on reset(), as they were the last person’s', async () => {
    const { tp, dues } = start();
    tp.identify('u-7', { plan: 'pro' });
    tp.reset();
    await Promise.resolve();
    expect(stored()).toBeNull();
    dues.length = 0;
    tp.page();
    expect(dues).toEqual([]);
  });
});
