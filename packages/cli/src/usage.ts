// The usage text of the `touchpoint` command, printed by `--help` and after a usage error.
import { LINK_USAGE } from './link.js';
import { SIMULATE_DEFAULTS } from './simulate.js';

export const USAGE = `Usage:
  touchpoint lint <config.json> [--pages <pages.txt | journeys.json>] [--json]
  touchpoint simulate <config.json> --pages <file> [--visitors ${SIMULATE_DEFAULTS.visitors}] [--days ${SIMULATE_DEFAULTS.days}]
      [--seed ${SIMULATE_DEFAULTS.seed}] [--visit-rate ${SIMULATE_DEFAULTS.visitRate}] [--pages-per-visit ${SIMULATE_DEFAULTS.pagesPerVisit}] [--answer-rate ${SIMULATE_DEFAULTS.answerRate}]
      [--date <first day, default today>] [--traits <traits.json>] [--json]
  touchpoint explain <config.json> --url <path or URL> [--event <name>] [--stage <stage>] [--visitor <anonymousId>]
      [--date <date or date-time, default now>] [--traits <traits.json>]
${LINK_USAGE}

A pages file lists one path per line, optionally followed by the events on that page
(\`/checkout/done order_completed\`, or \`order_completed@purchase\` with its stage);
a journey file is a JSON array of such page sequences, one per visit. Only the path of
each line counts (a query or fragment is ignored); a path listed twice is skipped.
--date is ISO 8601 (2027-01-15 is midnight UTC; a time needs its zone: 2027-01-15T09:00Z).
A traits file holds one visitor's identify() traits ({ "plan": "pro" }), or for simulate
a distribution ([{ "share": 0.2, "traits": { "plan": "pro" } }, …]; the rest have none).
Every command exits 1 when the configuration has errors, 2 when its command line is wrong.`;
