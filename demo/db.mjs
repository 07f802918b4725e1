// The demo's event store is the collector package's: re-exported for the scripts and tests
// that open the demo's data directory directly (the seed script, the e2e insights test).
export { openEventStore } from '@touchpoint/collector';
