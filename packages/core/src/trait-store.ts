// The traits kept on the device for `when.user`: only the keys the configuration names, so
// targeting does not turn the browser into a profile store. Kept through the core's store,
// so they stay in memory until consent (when consent is required) and are forgotten with
// everything else when consent is refused, and on `reset()`.
import { TRAITS_KEY } from './keys.js';
import type { Store } from './store.js';
import type { JsonValue, Props } from './types.js';
import { keepNamedTraits } from './user-traits.js';

const isProps = (v: unknown): v is Props => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The traits of `identify()` the triggers judge `when.user` with. */
export interface TraitStore {
  /** The stored traits, with those given before any configuration arrived over them. */
  _read(): Props;
  /**
   * Merges the traits of an `identify()` call into the stored ones and keeps the `named` keys;
   * with no configuration yet (`named` undefined), holds them in memory until one arrives.
   */
  _note(traits: Props | undefined, named: readonly string[] | undefined): void;
  /** Keeps only the `named` keys of a configuration just applied (it may name fewer). */
  _keep(named: readonly string[]): void;
}

export function createTraitStore(store: Pick<Store, '_get' | '_set'>): TraitStore {
  // identify() traits given before any configuration arrived (queued calls, a slow fetch):
  // which keys to keep is not known yet, so they wait in memory, never on the device.
  let pending: Props = {};
  // Stored data is untrusted (another version, an extension, a person): off-shape is none.
  const stored = (): Props => {
    const raw: JsonValue | undefined = store._get(TRAITS_KEY);
    return isProps(raw) ? raw : {};
  };
  const keep = (named: readonly string[]) => {
    const kept = keepNamedTraits({ ...stored(), ...pending }, named);
    pending = {};
    store._set(TRAITS_KEY, Object.keys(kept).length ? kept : undefined);
  };
  return {
    _read: () => ({ ...stored(), ...pending }),
    _note(traits, named) {
      if (isProps(traits)) pending = { ...pending, ...traits };
      if (named) keep(named);
    },
    _keep: keep,
  };
}
