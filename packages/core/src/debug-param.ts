/** The query parameter that asks for the survey explanations on the page: `?tp_debug=1`. */
export const DEBUG_PARAM = 'tp_debug';

/** True when a page's query (`location.search`) asks for the explanations: `tp_debug=1`. */
export const hasDebugParam = (search: string): boolean =>
  new URLSearchParams(search).get(DEBUG_PARAM) === '1';
