// What the service figures need of one session, whatever the resolution events are
// named (the page is configured with them, the store is not): when it entered the stage,
// when and by which event it first left it, the first time of each track event in
// between, and the band of its first CSAT answer from entering on. service-figures.ts
// reads them as serviceVisit() reads the whole session. Pure.
import { type Band, band } from '../metrics.js';
import { SERVICE_DEFAULTS, type ServiceEvent } from '../service.js';

export interface ServiceFacts {
  entered: number;
  /** The first event after entering that is in another stage, or null. */
  leftAt: number | null;
  /** That event's name when it is a track event. */
  leftName: string | null;
  /** Track events between entering and leaving: the time each name first occurred. */
  tracks: Record<string, number>;
  csat: Band | null;
}

/** The facts of one session's events (in order), or null if it never entered the stage. */
export function serviceFacts(
  events: readonly ServiceEvent[],
  stage = SERVICE_DEFAULTS.stage,
): ServiceFacts | null {
  const start = events.findIndex((e) => e.stage === stage);
  if (start < 0) return null;
  const rest = events.slice(start);
  const leftIndex = rest.findIndex((e, i) => i > 0 && e.stage !== null && e.stage !== stage);
  const left = leftIndex < 0 ? undefined : rest[leftIndex];
  const tracks: Record<string, number> = {};
  for (const e of rest.slice(1, leftIndex < 0 ? undefined : leftIndex))
    if (e.type === 'track' && e.name !== null && !Object.hasOwn(tracks, e.name)) tracks[e.name] = e.ts;
  const answer = rest.find((e) => e.type === 'survey_answered' && e.metric === 'csat');
  return {
    entered: (rest[0] as ServiceEvent).ts,
    leftAt: left?.ts ?? null,
    leftName: left?.type === 'track' ? left.name : null,
    tracks,
    csat: answer ? (band('csat', answer.score) ?? null) : null,
  };
}
