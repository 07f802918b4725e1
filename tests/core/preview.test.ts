import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREVIEW_KEY } from '../../packages/core/src/keys';
import {
  exitPreview,
  forgetPreview,
  previewAllowed,
  readPreview,
  rememberPreview,
} from '../../packages/core/src/preview';

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  history.replaceState(null, '', '/');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('previewAllowed', () => {
  const page = 'https://shop.example/checkout/done?tp_preview=x';
  it.each([
    ['/drafts/next.json', undefined, true],
    ['https://shop.example/drafts/next.json', [], true],
    ['https://cms.example.com/d.json', ['https://cms.example.com'], true],
    ['https://cms.example.com:8443/d.json', ['https://cms.example.com'], false],
    ['https://cms.example.com/d.json', undefined, false],
    ['https://cms.example.com/d.json', 'https://cms.example.com', false],
    ['http://shop.example/d.json', [], false],
    ['//evil.example/d.json', ['https://cms.example.com'], false],
    ['http://[bad/d.json', ['http://[bad'], false],
    ['drafts/next.json', undefined, true],
    // Inline JSON resolves as a same-origin path, but it is text anyone can put in a link.
    ['{"version":1,"surveys":[]}', undefined, false],
    [' {"version":1}', [], false],
    ['%7B%22version%22%3A1%7D', undefined, true],
    ['javascript:alert(1)', undefined, false],
    ['data:application/json,{}', ['null'], false],
  ])('judges the draft %s with previewOrigins %j: %s', (draft, origins, allowed) => {
    expect(previewAllowed(draft, page, origins)).toBe(allowed);
  });
});

describe('readPreview', () => {
  it('takes the draft from ?tp_preview= without remembering it, and remembers an allowed one for this tab only', () => {
    history.replaceState(null, '', '/?tp_preview=%2Fdrafts%2Fnext.json');
    expect(readPreview()).toBe('/drafts/next.json');
    // Nothing is written before the published configuration allowed the draft.
    expect(sessionStorage.getItem(PREVIEW_KEY)).toBeNull();
    rememberPreview('/drafts/next.json');
    expect(sessionStorage.getItem(PREVIEW_KEY)).toBe('/drafts/next.json');
    expect(Object.keys(localStorage)).toEqual([]);
    // Navigating within the tab, the parameter is gone but the preview stays.
    history.replaceState(null, '', '/products');
    expect(readPreview()).toBe('/drafts/next.json');
  });

  it('is undefined when the tab never asked for a preview, or forgot it', () => {
    expect(readPreview()).toBeUndefined();
    sessionStorage.setItem(PREVIEW_KEY, '/d.json');
    forgetPreview();
    expect(readPreview()).toBeUndefined();
  });

  it('still honours the parameter when sessionStorage throws', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    history.replaceState(null, '', '/?tp_preview=/d.json');
    expect(readPreview()).toBe('/d.json');
  });
});

describe('exitPreview', () => {
  it('forgets the draft and reloads the page without the parameter, keeping the rest of the URL', () => {
    const replace = vi.spyOn(location, 'replace').mockImplementation(() => {});
    history.replaceState(null, '', '/products?a=1&tp_preview=%2Fd.json#reviews');
    sessionStorage.setItem(PREVIEW_KEY, '/d.json');
    exitPreview();
    expect(sessionStorage.getItem(PREVIEW_KEY)).toBeNull();
    expect(replace).toHaveBeenCalledWith('http://localhost:3000/products?a=1#reviews');
  });

  it('reloads when the URL has no parameter, since replacing it with itself would only scroll', () => {
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    const replace = vi.spyOn(location, 'replace').mockImplementation(() => {});
    history.replaceState(null, '', '/products#reviews');
    sessionStorage.setItem(PREVIEW_KEY, '/d.json');
    exitPreview();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
    expect(sessionStorage.getItem(PREVIEW_KEY)).toBeNull();
  });
});
