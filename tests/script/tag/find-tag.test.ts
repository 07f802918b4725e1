import { beforeEach, describe, expect, it } from 'vitest';
import { fromScript } from '../from-script';

const { findTag } = await fromScript<{ findTag(): HTMLScriptElement | null }>('tag/find-tag.ts');

/** Inert script tags (happy-dom does not fetch text/plain ones); tests run with no currentScript. */
const add = (src: string) => {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.src = src;
  document.head.append(script);
  return script;
};

beforeEach(() => {
  document.head.innerHTML = '';
});

describe('findTag', () => {
  it('falls back to the last script whose src names touchpoint.js', () => {
    add('/touchpoint.js');
    const last = add('https://cdn.example/touchpoint.js?v=2');
    add('/touchpoint-widget.js');
    add('/analytics.js');
    expect(findTag()).toBe(last);
  });

  it('finds nothing when no tag names touchpoint.js', () => {
    add('/touchpoint.json');
    add('/my-touchpoint.js.map');
    expect(findTag()).toBeNull();
  });
});
