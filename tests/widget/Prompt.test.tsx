import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { CES, CSAT, NPS } from './fake-tp';
import { focused, screen, setup } from './render';

const dismissed = (step: string, s = CSAT) => ({
  type: 'survey_dismissed',
  props: { surveyId: s.id, metric: s.metric, step },
});

describe('Prompt', () => {
  it('is a non-modal dialog labelled by the question that does not take focus', () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    setup().show(NPS);
    const dialog = screen().getByRole('dialog', { name: NPS.question });
    expect(dialog.hasAttribute('aria-modal')).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('stays labelled by the question on the follow-up and thank-you steps', () => {
    setup().show(CSAT);
    fireEvent.click(screen().getByRole('radio', { name: /^4 / }));
    expect(screen().getByRole('dialog', { name: CSAT.question })).toBeTruthy();
    fireEvent.click(screen().getByRole('button', { name: 'Send' }));
    expect(screen().getByRole('dialog', { name: CSAT.question })).toBeTruthy();
  });

  it('records survey_shown with surveyId and metric when it appears', () => {
    const f = setup();
    f.show(CES);
    expect(f.records).toEqual([{ type: 'survey_shown', props: { surveyId: CES.id, metric: 'ces' } }]);
  });

  it('dismisses at the score step with the Close button', () => {
    const f = setup();
    f.show(CSAT);
    fireEvent.click(screen().getByRole('button', { name: 'Close' }));
    expect(f.records.at(-1)).toEqual(dismissed('score'));
    expect(screen().queryByRole('dialog')).toBeNull();
  });

  it('dismisses at the comment step with Escape', () => {
    const f = setup();
    f.show(CSAT);
    fireEvent.click(screen().getByRole('radio', { name: /^1 / }));
    fireEvent.keyDown(screen().getByRole('textbox'), { key: 'Escape' });
    expect(f.records.at(-1)).toEqual(dismissed('comment'));
    expect(screen().queryByRole('dialog')).toBeNull();
  });

  // A finished survey is not a dismissal: the old `survey_dismissed {step:'thanks'}` inflated
  // dismissal rates and wrote 'dismissed' into the core's history.
  it("keeps the Escape it handles from the host page's own modal or menu", () => {
    const f = setup();
    f.show(CSAT);
    const outside: string[] = [];
    const listen = (e: KeyboardEvent) => outside.push(e.key);
    document.addEventListener('keydown', listen);
    fireEvent.keyDown(screen().getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(f.records.at(-1)).toEqual(dismissed('score'));
    document.removeEventListener('keydown', listen);
    expect(outside).toEqual([]);
  });

  it('keeps the prompt and the comment when Escape ends text composition (IME)', () => {
    const f = setup();
    f.show(CSAT);
    fireEvent.click(screen().getByRole('radio', { name: /^2 / }));
    const box = screen().getByRole('textbox');
    fireEvent.input(box, { target: { value: 'かな' } });
    fireEvent.keyDown(box, { key: 'Escape', isComposing: true });
    expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
    expect((screen().getByRole('textbox') as HTMLTextAreaElement).value).toBe('かな');
  });

  it('closes at the thank-you step with Escape or Close without recording a dismissal', () => {
    for (const how of ['escape', 'close']) {
      const f = setup();
      f.show(CSAT);
      fireEvent.click(screen().getByRole('radio', { name: /^3 / }));
      fireEvent.click(screen().getByRole('button', { name: 'Send' }));
      const close = screen().getByRole('button', { name: 'Close' });
      if (how === 'escape') fireEvent.keyDown(close, { key: 'Escape' });
      else fireEvent.click(close);
      expect(f.types()).toEqual(['survey_shown', 'survey_answered']);
      expect(screen().queryByRole('dialog')).toBeNull();
      f.widget.destroy();
    }
  });

  it('records the score at once, before any comment', () => {
    const f = setup();
    f.show(NPS);
    fireEvent.click(screen().getByRole('radio', { name: '7' }));
    expect(f.records.at(-1)).toEqual({
      type: 'survey_answered',
      props: { surveyId: NPS.id, metric: 'nps', score: 7 },
    });
    fireEvent.click(screen().getByRole('button', { name: 'Close' }));
    expect(f.types()).toEqual(['survey_shown', 'survey_answered', 'survey_dismissed']);
  });

  it('moves focus to the next step when the person was using the prompt', () => {
    setup().show(CSAT);
    const four = screen().getByRole('radio', { name: /^4 / });
    four.focus();
    fireEvent.keyDown(four, { key: 'Enter' });
    expect(focused()?.textContent).toBe('What is the main reason for your score?');
  });

  it('returns focus to where it came from when closed from inside', () => {
    for (const how of ['escape', 'close']) {
      const before = document.createElement('button');
      document.body.append(before);
      before.focus();
      const f = setup();
      f.show(CSAT);
      const close = screen().getByRole('button', { name: 'Close' });
      screen().getAllByRole('radio')[0]?.focus();
      if (how === 'escape') fireEvent.keyDown(focused() as Element, { key: 'Escape' });
      else {
        close.focus();
        fireEvent.click(close);
      }
      expect(screen().queryByRole('dialog')).toBeNull();
      expect(document.activeElement).toBe(before);
      f.widget.destroy();
    }
  });

  it('leaves focus alone when it is elsewhere on the page or its origin is gone', () => {
    const before = document.createElement('button');
    const other = document.createElement('input');
    document.body.append(before, other);
    before.focus();
    const f = setup();
    f.show(CSAT);
    const close = screen().getByRole('button', { name: 'Close' });
    close.focus();
    other.focus();
    fireEvent.click(close);
    expect(document.activeElement).toBe(other);
    f.widget.destroy();

    before.focus();
    setup().show(NPS);
    screen().getAllByRole('radio')[0]?.focus();
    other.remove();
    before.remove();
    expect(() => fireEvent.keyDown(focused() as Element, { key: 'Escape' })).not.toThrow();
    expect(screen().queryByRole('dialog')).toBeNull();
  });

  it('applies the survey strings over the built-in text', () => {
    setup().show({ ...CSAT, strings: { close: 'Dismiss', csat4: 'Happy', send: 'Submit' } });
    expect(screen().getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    expect(screen().getByRole('radio', { name: '4 Happy' })).toBeTruthy();
    fireEvent.click(screen().getByRole('radio', { name: '4 Happy' }));
    expect(screen().getByRole('button', { name: 'Submit' })).toBeTruthy();
  });
});
