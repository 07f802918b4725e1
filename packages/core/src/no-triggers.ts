import type { Host, Triggers } from './host.js';

/** The instance's triggers until issue 3 plugs in: no surveys are configured. */
export function noTriggers(host: Host): Triggers {
  return {
    _event() {},
    _stageFor: () => undefined,
    _show(id) {
      host._warn(`show('${id}'): unknown survey; ignored`);
    },
    _explain: () => [],
  };
}
