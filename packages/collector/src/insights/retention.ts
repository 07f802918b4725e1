// Retention and relationship length by NPS band: does experience go with coming back?
// Pure. Per person, their first NPS answer sets their band; "back after 30 days" is a
// session that began 30 days or more after that answer, counted only among people whose
// answer is at least 30 days older than the data (the others could not have shown it yet).
// Relationship length is days from their first to their latest event, a median per band.
import { BANDS, type Band } from './metrics.js';

const DAY = 86_400_000;

export interface PersonActivity {
  person: string;
  firstSeen: number;
  lastSeen: number;
  /** When each session began. */
  sessions: number[];
  /** Their first NPS answer, or null. */
  firstNps: { ts: number; band: Band } | null;
}

export interface ReturnRate {
  days: number;
  /** People whose answer is at least `days` old. */
  eligible: number;
  returned: number;
  /** returned / eligible (0–1), null when nobody is eligible. */
  share: number | null;
}

export interface BandRetention {
  band: Band;
  people: number;
  back: ReturnRate[];
  /** Median days from first to latest event, null with nobody. */
  medianDays: number | null;
}

/** Options of {@link retention}. */
export const RETENTION_DEFAULTS = { horizons: [30, 90] as number[] };

/** The median of numbers (the mean of the middle two for an even count), null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Retention per NPS band with data up to `dataEnd` (epoch ms). */
export function retention(
  people: readonly PersonActivity[],
  dataEnd: number,
  options: Partial<typeof RETENTION_DEFAULTS> = {},
): BandRetention[] {
  const { horizons } = { ...RETENTION_DEFAULTS, ...options };
  return BANDS.map((band) => {
    const inBand = people.filter((p) => p.firstNps?.band === band);
    return {
      band,
      people: inBand.length,
      back: horizons.map((days) => {
        const eligible = inBand.filter((p) => (p.firstNps?.ts ?? 0) + days * DAY <= dataEnd);
        const returned = eligible.filter((p) =>
          p.sessions.some((s) => s >= (p.firstNps?.ts ?? 0) + days * DAY),
        );
        return {
          days,
          eligible: eligible.length,
          returned: returned.length,
          share: eligible.length ? returned.length / eligible.length : null,
        };
      }),
      medianDays: median(inBand.map((p) => (p.lastSeen - p.firstSeen) / DAY)),
    };
  });
}
