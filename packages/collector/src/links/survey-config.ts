// The site's survey configuration, as the collector reads it for link surveys: the file or
// URL given by `--config` / `TOUCHPOINT_CONFIG`, or an object given to createCollector().
import { readFile } from 'node:fs/promises';
import type { LinkSurvey } from './answer-event.js';

/** A survey as the hosted page needs it: what an answer needs, and everything the widget shows. */
export type HostedSurvey = LinkSurvey & Record<string, unknown>;

/** Where the configuration comes from: its JSON, a file path, or an http(s) URL. */
export type ConfigSource = { surveys?: unknown[] } | string;

const METRICS = ['nps', 'csat', 'ces'];

/** The surveys that can be asked by link: an id, a known metric and a question. Pure. */
export function linkSurveys(config: unknown): Map<string, HostedSurvey> {
  const found = new Map<string, HostedSurvey>();
  const surveys = (config as { surveys?: unknown })?.surveys;
  if (!Array.isArray(surveys)) return found;
  for (const survey of surveys as Record<string, unknown>[]) {
    if (typeof survey?.id !== 'string' || !METRICS.includes(survey.metric as string) || !survey.question)
      continue;
    if (!found.has(survey.id)) found.set(survey.id, survey as HostedSurvey);
  }
  return found;
}

/** Reads the configuration once; a URL is fetched (with a time limit), a path read from disk. */
export async function loadSurveys(
  source: ConfigSource,
  timeoutMs = 10_000,
): Promise<Map<string, HostedSurvey>> {
  if (typeof source !== 'string') return linkSurveys(source);
  const text = /^https?:\/\//.test(source)
    ? await fetch(source, { signal: AbortSignal.timeout(timeoutMs) }).then((response) => {
        if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
        return response.text();
      })
    : await readFile(source, 'utf8');
  try {
    return linkSurveys(JSON.parse(text));
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
}
