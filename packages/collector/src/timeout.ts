// The time limit of a database call, as the collector sees it: past it, the call ends with
// a StoreTimeoutError (answered 503, like a database that is down), whatever the driver does.

/** The error a statement past its time limit ends with: a 503, like a database that is down. */
export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
}

export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreTimeoutError(`[touchpoint] no answer from the database in ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
