import { createTouchpoint, type SurveyDue, type Touchpoint } from '@touchpoint/core';
import type { WidgetOptions } from '@touchpoint/widget';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fromScript } from '../from-script';

type Mount = (tp: Pick<Touchpoint, 'on' | 'record'>, options: WidgetOptions) => { destroy(): void };
const { lazyWidget } = await fromScript<{
  lazyWidget(tp: Touchpoint, load: () => Promise<Mount>, options: WidgetOptions): void;
}>('widget-loader/lazy-widget.ts');

const config = {
  version: 1 as const,
  surveys: [
    // Due only when forced with show(), so each test decides when.
    { id: 'a-nps', metric: 'nps' as const, question: 'Recommend us?', when: { pages: ['/elsewhere'] } },
    { id: 'b-csat', metric: 'csat' as const, question: 'Satisfied?', when: { pages: ['/elsewhere'] } },
  ],
};

/** Lets resolved promises run their callbacks. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** A real instance; a mount that subscribes like the widget does and records what it sees. */
const setup = (load?: () => Promise<Mount>) => {
  const tp = createTouchpoint({ config, autoPageviews: false });
  const seen: string[] = [];
  const mount = vi.fn<Mount>((widgetTp) => {
    widgetTp.on('survey_due', (due: SurveyDue) => seen.push(due.survey.id));
    return { destroy() {} };
  });
  const loader = vi.fn(load ?? (async () => mount));
  lazyWidget(tp, loader, { locale: 'fr' });
  return { tp, seen, mount, loader };
};

beforeEach(() => localStorage.clear());

describe('lazyWidget', () => {
  it('loads nothing until a survey is due', () => {
    const { tp, loader } = setup();
    tp.track('browsing');
    expect(loader).not.toHaveBeenCalled();
  });

  it('loads once on the first due survey and replays it to the widget when it subscribes', async () => {
    const { tp, seen, mount, loader } = setup();
    tp.show('a-nps');
    await settle();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(mount.mock.calls[0]?.[1]).toEqual({ locale: 'fr' });
    expect(seen).toEqual(['a-nps']);
    // Once mounted, the widget hears later surveys itself, and nothing loads again.
    tp.show('b-csat');
    expect(seen).toEqual(['a-nps', 'b-csat']);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('gives the widget record(), which records through the core', async () => {
    const { tp, mount } = setup();
    const answered = vi.fn();
    tp.on('survey_answered', answered);
    tp.show('a-nps');
    await settle();
    mount.mock.calls[0]?.[0].record('survey_answered', { surveyId: 'a-nps', metric: 'nps', score: 9 });
    expect(answered.mock.calls[0]?.[0].props).toMatchObject({ surveyId: 'a-nps', score: 9 });
  });

  it('does not load twice for surveys due while the file loads', async () => {
    let finish: (mount: Mount) => void = () => {};
    const { tp, seen, mount, loader } = setup(() => new Promise((resolve) => (finish = resolve)));
    tp.show('a-nps');
    tp.show('b-csat');
    expect(loader).toHaveBeenCalledTimes(1);
    finish(mount);
    await settle();
    expect(seen).toEqual(['a-nps']);
  });

  it('reports a failed load once, never throws, and does not retry on this page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    error.mockClear();
    const { tp, loader } = setup(() => Promise.reject(new Error('404')));
    tp.show('a-nps');
    await settle();
    expect(() => tp.show('b-csat')).not.toThrow();
    await settle();
    expect(loader).toHaveBeenCalledTimes(1);
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      '[touchpoint] the survey widget could not load; no surveys show on this page',
    ]);
  });

  it('reports a widget file whose mount throws, instead of throwing into the page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    error.mockClear();
    const { tp } = setup(async () => () => {
      throw new Error('broken file');
    });
    tp.show('a-nps');
    await settle();
    expect(error).toHaveBeenCalledTimes(1);
  });
});
