// One sender at a time across the tabs of an origin, so no event is in two requests at once.
import type { Report } from './report';

/** How long a fallback lease holds without renewal: longer than one request may hang. */
const LEASE_MS = 30_000;

// Leases of this page when localStorage is unavailable (private modes, sandboxed frames, Node).
const memory: Record<string, string | undefined> = {};

/** Reads (no value) or writes the lease; localStorage throws where storage is blocked. */
function lease(name: string, value?: string): string | undefined {
  try {
    if (value === undefined) return localStorage.getItem(name) ?? undefined;
    value ? localStorage.setItem(name, value) : localStorage.removeItem(name);
  } catch {
    if (value === undefined) return memory[name];
    memory[name] = value;
  }
  return value;
}

/**
 * Runs `work` while holding the lock `name`. `wait` false gives up at once when another sender
 * holds it (timer flushes: the holder drains the shared queue anyway); `wait` true queues behind
 * it (`flush()`). Web Locks release on tab close by themselves; the fallback is a lease with an
 * expiry in localStorage, renewed while held, so a crashed tab blocks the others for at most
 * LEASE_MS.
 */
export async function withLock(name: string, wait: boolean, work: () => Promise<void>, report: Report) {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(name, { ifAvailable: !wait }, (lock) => lock && work());
  report('warn', 'locks', 'no Web Locks; using a storage lease');
  const me = `${Math.random()}`;
  const take = () => {
    const [owner, expiry] = (lease(name) ?? '').split(' ');
    if (owner !== me && Number(expiry) > Date.now()) return false;
    lease(name, `${me} ${Date.now() + LEASE_MS}`);
    // Read back: of two tabs writing at once, the last writer holds the lease.
    return lease(name)?.startsWith(me);
  };
  while (!take()) {
    if (!wait) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const renew = setInterval(take, LEASE_MS / 3);
  try {
    await work();
  } finally {
    clearInterval(renew);
    if (lease(name)?.startsWith(me)) lease(name, '');
  }
}
