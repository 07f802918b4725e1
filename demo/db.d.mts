// Types of db.mjs for the TypeScript tests and the e2e suite.
export { type EventStore, openEventStore } from '@touchpoint/collector';
