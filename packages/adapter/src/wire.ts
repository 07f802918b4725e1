// The request body the collector receives (SPEC "Wire format"). The only file that spells its fields.
import type { Format } from './format.js';

/** The SPEC's wire format, `{"sentAt", "events", "dropped"?}`: the default `format` of `connect`. */
export const touchpoint: Format = (events, dropped) => ({
  // `undefined` leaves the field out, as the SPEC wants when nothing was evicted.
  body: JSON.stringify({ sentAt: Date.now(), events, dropped: dropped > 0 ? dropped : undefined }),
});
