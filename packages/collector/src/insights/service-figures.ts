// Service speed as the page reads it: each session's service visit, kept at ingest as the
// few events serviceVisit() needs (aggregate/sessions.ts), read with the resolution events
// the page was configured with.
import type { Queryable } from '../database.js';
import { type ServiceEvent, type ServiceSummary, serviceVisit, summarizeService } from './service.js';

/** Time in the service stage and CSAT by it, over every session that entered the stage. */
export async function serviceFigures(store: Queryable, resolutionEvents: string[]): Promise<ServiceSummary> {
  const { rows } = await store.query<{ service: string }>(
    `select service from insights_sessions where service is not null`,
  );
  return summarizeService(
    rows.flatMap((r) => serviceVisit(JSON.parse(r.service) as ServiceEvent[], { resolutionEvents }) ?? []),
  );
}
