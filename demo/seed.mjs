// Fills the demo collector's database with a month of sample journeys, so /insights is
// worth looking at on first run: `npx pnpm@10 run seed-demo` (server stopped).
//
// Reproducible: a seeded PRNG decides everything, and event ids come from it, so a
// second run sends the same ids and the collector's de-duplication stores nothing new.
// Events go through the collector's own path (parseBatch, then store.insert in batches
// like the adapter's), so what is seeded is what a real client could have sent.
// The store takes the data directory's lock: with the server running, seeding refuses
// and says to stop it (two PGlite processes on one directory corrupt it).
//
// Causes planted for the insights page's drivers, ladder, retention and service views
// (each is a rule below, not a number written into the page):
// - event `payment_failed` (18 % of checkouts): checkout CSAT about 2 points lower;
// - page `/checkout/address` (a second address step for 25 % of checkouts): CSAT 1.3 lower;
// - event `delivery_late` and an unresolved help visit (`help_unresolved`, stage `service`
//   before the NPS prompt): NPS 2 and 3.5 points lower;
// - a help visit that is not resolved at once takes 30 min – 5 h before the retry, and the
//   help CSAT after it is lower the longer it took;
// - people come back 20–115 days after their NPS answer: most promoters, some passives,
//   few detractors (retention and the loyal rung); promoters go on to the advocacy stage.
// `npx pnpm@10 run seed-demo` seeds 120 days (SEED_DEMO) so the 30- and 90-day returns show.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openEventStore, parseBatch } from '@touchpoint/collector';
import { SERVER_DEFAULTS } from './server.mjs';

/** What `npx pnpm@10 run seed-demo` seeds: four months, so 30- and 90-day returns and month-to-month moves show. */
export const SEED_DEMO = { visitors: 1200, days: 120 };

/** Options of {@link generateJourneys}. */
export const SEED_DEFAULTS = {
  /** The PRNG's seed: the same seed and `end` give the same events. */
  seed: 8,
  /** People who arrive over the period. */
  visitors: 600,
  /** How many days back from `end` they arrive. */
  days: 30,
  /** Epoch ms the period ends (default: today 00:00 UTC, so reruns on a day agree). */
  end: Math.floor(Date.now() / 86_400_000) * 86_400_000,
  /** Events per stored batch, about what the adapter sends at once. */
  batchSize: 50,
};

const ORIGIN = 'https://fieldnote.example';
const MINUTE = 60_000;
const DAY = 86_400_000;
const TRAIL_LENGTH = 20;

/** mulberry32: a tiny, well-spread 32-bit PRNG; enough for sample data, not for secrets. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  ['/products/trail-runner', 'Trail Runner'],
  ['/products/storm-shell', 'Storm Shell'],
  ['/products/merino-base', 'Merino Base Layer'],
];
const SOURCES = ['search', 'social', 'referral', 'newsletter'];
const TITLES = {
  '/': 'Fieldnote',
  '/products': 'Products · Fieldnote',
  '/cart': 'Cart · Fieldnote',
  '/checkout': 'Checkout · Fieldnote',
  '/checkout/address': 'Delivery address · Fieldnote',
  '/checkout/done': 'Thank you · Fieldnote',
  '/account': 'Your account · Fieldnote',
  '/help': 'Help · Fieldnote',
  '/cancel': 'Cancel membership · Fieldnote',
};
/** The shop's configuration maps pages to stages the same way (public/touchpoint.config.json). */
const STAGE_OF = (path) =>
  path === '/'
    ? 'touchpoint'
    : path.startsWith('/products')
      ? 'interest'
      : path === '/cart' || path.startsWith('/checkout')
        ? 'purchase'
        : path.startsWith('/account')
          ? 'use'
          : path.startsWith('/help')
            ? 'service'
            : path === '/cancel'
              ? 'churn'
              : undefined;

const SURVEYS = {
  'checkout-csat': 'csat',
  'site-nps': 'nps',
  'help-ces': 'ces',
  'help-csat': 'csat',
};

/** What people write, by survey and band, and for the moments that drive the score. */
const COMMENTS = {
  'checkout-csat': {
    low: [
      'Checkout kept asking for my address again.',
      'Shipping cost only showed up at the very end.',
      'Too many steps just to pay.',
    ],
    mid: ['It worked, but the delivery options were confusing.', 'Fine. A guest checkout would be nice.'],
    high: [
      'Quick and easy, paid in under a minute.',
      'Loved that my details were remembered.',
      'Smooth checkout, clear delivery date.',
    ],
  },
  'site-nps': {
    low: [
      'The jacket arrived a week late and nobody told me.',
      'Support never answered my question about returns.',
      'Prices went up and the quality did not.',
    ],
    mid: [
      'Good gear, but delivery could be faster.',
      'Nice products. The website is a bit slow on my phone.',
      'I like the shoes; sizing runs small.',
    ],
    high: [
      'Best trail shoes I have owned. Told my running club.',
      'Great quality and the team is friendly.',
      'Everything arrived fast and well packed.',
      'The merino layer is worth every penny.',
    ],
  },
  'help-ces': {
    low: [
      'I had to read three articles to find the answer.',
      'The help search did not understand my question.',
    ],
    mid: ['Found it eventually.'],
    high: ['The returns article answered it straight away.', 'Clear answer, took seconds.'],
  },
  'help-csat': {
    low: ['Hours to get an answer to a simple question.', 'I had to ask twice before anyone helped.'],
    mid: ['Got there in the end.'],
    high: ['Sorted in minutes, thank you.', 'Quick and friendly help.'],
  },
  address_again: ['Checkout kept asking for my address again.', 'Why enter my address twice?'],
  payment_failed: [
    'My card was declined twice before it went through.',
    'Payment failed and I was charged twice.',
  ],
  delivery_late: ['Delivery was late and the tracking page never updated.', 'Still waiting on my parcel.'],
  help_unresolved: [
    'I could not find how to change my order and gave up.',
    'The help pages go round in circles.',
    'No way to reach a real person.',
  ],
};

/**
 * The sample events, in time order, for `options` (see SEED_DEFAULTS). Pure: the same
 * options give the same events, ids included.
 */
export function generateJourneys(options = {}) {
  const { seed, visitors, days, end } = { ...SEED_DEFAULTS, ...options };
  const rand = prng(seed);
  const chance = (p) => rand() < p;
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, Math.round(v)));
  const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const start = end - days * DAY;
  const events = [];

  for (let v = 0; v < visitors; v++) {
    const anonymousId = uuid();
    // Most of a person's answers follow from how their journey went; `mood` is the rest.
    const mood = rand() + rand() - 1; // −1…1, most near 0
    const marks = new Set();
    let t = start + between(0, days - 1) * DAY + between(7 * 60, 22 * 60) * MINUTE;
    let session;
    let trail;
    let last;

    const newSession = (after) => {
      t += after;
      session = uuid();
      trail = [];
      last = undefined;
    };
    const emit = (type, path, extra = {}) => {
      if (t >= end) return undefined;
      t += between(8, 90) * 1000;
      const stage = extra.stage ?? STAGE_OF(path);
      const page = { url: ORIGIN + path + (extra.query ?? ''), path, title: TITLES[path] ?? 'Fieldnote' };
      if (last && last !== path) page.referrer = ORIGIN + last;
      const event = { id: uuid(), type, ts: t, anonymousId, sessionId: session, page };
      if (extra.name) event.name = extra.name;
      if (stage) event.stage = stage;
      if (extra.props) event.props = extra.props;
      if (type === 'survey_answered') event.props = { ...event.props, trail: trail.slice() };
      events.push(event);
      const step = { type, path, ts: t };
      if (stage) step.stage = stage;
      if (extra.name) step.name = extra.name;
      trail.push(step);
      if (trail.length > TRAIL_LENGTH) trail.shift();
      last = path;
      return event;
    };
    const view = (path, extra) => emit('page', path, extra);
    const track = (name, path, extra = {}) => {
      marks.add(name);
      return emit('track', path, { ...extra, name });
    };
    const bandOf = (metric, score) =>
      metric === 'nps'
        ? score <= 6
          ? 'low'
          : score <= 8
            ? 'mid'
            : 'high'
        : metric === 'csat'
          ? score <= 2
            ? 'low'
            : score === 3
              ? 'mid'
              : 'high'
          : score <= 3
            ? 'low'
            : score === 4
              ? 'mid'
              : 'high';
    /** A prompt: shown, then answered (maybe with a comment) or dismissed. */
    const survey = (surveyId, path, answerRate, score, cause) => {
      const metric = SURVEYS[surveyId];
      const base = { surveyId, metric };
      if (!emit('survey_shown', path, { props: base })) return undefined;
      if (!chance(answerRate)) {
        emit('survey_dismissed', path, { props: { ...base, step: 'score' } });
        return undefined;
      }
      emit('survey_answered', path, { props: { ...base, score } });
      const band = bandOf(metric, score);
      if (chance(band === 'mid' ? 0.25 : 0.5)) {
        const text =
          band === 'low' && cause && chance(0.7) ? pick(COMMENTS[cause]) : pick(COMMENTS[surveyId][band]);
        emit('survey_comment', path, { props: { ...base, score, comment: text } });
      }
      return score;
    };

    // Session 1: arrive, look around, maybe buy.
    newSession(0);
    if (chance(0.6)) {
      const source = pick(SOURCES);
      emit('stage', '/', { stage: 'discovery', query: `?utm_source=${source}`, props: { source } });
    }
    view('/');
    if (chance(0.03)) {
      // A newsletter reader who only came to unsubscribe.
      view('/cancel');
      track('unsubscribed', '/cancel', { stage: 'churn' });
      continue;
    }
    if (!chance(0.82)) continue;
    view('/products');
    const seen = between(1, 3);
    for (let i = 0; i < seen; i++) view(pick(PRODUCTS)[0]);
    if (chance(0.07)) {
      // "Give feedback" while browsing: NPS outside the account pages.
      survey('site-nps', '/products', 0.9, clamp(7 + mood * 4 + (rand() - 0.5) * 3, 0, 10));
    }
    let buys = chance(0.45);
    if (!buys && chance(0.3)) {
      // Comes back a few days later and buys then.
      newSession(between(1, 5) * DAY);
      view('/');
      view(pick(PRODUCTS)[0]);
      buys = chance(0.6);
    }
    if (!buys) continue;
    const product = last ?? PRODUCTS[0][0];
    track('add_to_cart', product, { props: { sku: product.split('/').pop() } });
    view('/cart');
    track('begin_checkout', '/cart');
    const addressAgain = chance(0.25);
    if (addressAgain) view('/checkout/address');
    view('/checkout');
    const failed = chance(0.18);
    if (failed) track('payment_failed', '/checkout', { stage: 'purchase' });
    track('place_order', '/checkout');
    view('/checkout/done');
    track('order_completed', '/checkout/done', { stage: 'purchase', props: { total: between(49, 260) } });
    survey(
      'checkout-csat',
      '/checkout/done',
      0.6,
      clamp((failed ? 2.2 : 4.3) - (addressAgain ? 1.3 : 0) + mood * 1.2 + (rand() - 0.5) * 1.5, 1, 5),
      failed ? 'payment_failed' : addressAgain ? 'address_again' : undefined,
    );

    // Session 2, days later: the order arrives, maybe help is needed, then NPS.
    newSession(between(2, 6) * DAY);
    view('/account');
    const late = chance(0.2);
    track('delivery_tracked', '/account', { props: { status: late ? 'late' : 'on_time' } });
    if (late) track('delivery_late', '/account', { stage: 'use' });
    let resolved;
    if (chance(late ? 0.6 : 0.25)) {
      view('/help');
      resolved = chance(0.65);
      if (resolved) {
        track('help_resolved', '/help');
        survey('help-ces', '/help', 0.65, clamp(5.6 + mood * 1.5 + (rand() - 0.5) * 2, 1, 7));
        survey('help-csat', '/help', 0.4, clamp(4.4 + mood + (rand() - 0.5) * 1.5, 1, 5));
      } else {
        track('help_unresolved', '/help');
        if (chance(0.4)) {
          // Tries again later the same day, finds it, but it was hard work and slow.
          const waited = between(30, 300);
          t += waited * MINUTE;
          view('/help');
          track('help_resolved', '/help');
          survey('help-ces', '/help', 0.7, clamp(2.8 + mood + (rand() - 0.5) * 2, 1, 7), 'help_unresolved');
          survey('help-csat', '/help', 0.6, clamp(3.6 - waited / 90 + mood + (rand() - 0.5) * 1.5, 1, 5));
        }
      }
      view('/account');
    }
    const cause =
      resolved === false ? 'help_unresolved' : late ? 'delivery_late' : failed ? 'payment_failed' : undefined;
    const npsBase = 8.3 + mood * 3 - (late ? 2 : 0) - (resolved === false ? 3.5 : 0) - (failed ? 1 : 0);
    const nps = survey('site-nps', '/account', 0.55, clamp(npsBase + (rand() - 0.5) * 3, 0, 10), cause);

    // Session 3, later: promote, or leave.
    const feeling = nps ?? npsBase;
    if (feeling >= 9 ? chance(0.45) : feeling >= 7 ? chance(0.1) : false) {
      newSession(between(3, 12) * DAY);
      view('/account');
      const action = pick(['review_written', 'referral_shared']);
      emit('stage', '/account', { stage: 'advocacy', props: { via: action } });
      track(action, '/account', { stage: 'advocacy' });
    } else if (feeling <= 6 ? chance(0.4) : chance(resolved === false ? 0.15 : 0.03)) {
      newSession(between(3, 12) * DAY);
      view('/account');
      view('/cancel');
      track('membership_cancelled', '/cancel', { stage: 'churn' });
      continue;
    }

    // Later visits, 20–115 days after the NPS answer: experience drives coming back.
    if (chance(feeling >= 9 ? 0.75 : feeling >= 7 ? 0.45 : 0.15)) {
      const visits = between(1, 2);
      for (let i = 0; i < visits; i++) {
        newSession(between(i === 0 ? 20 : 40, i === 0 ? 45 : 70) * DAY);
        view('/');
        view('/products');
        view(pick(PRODUCTS)[0]);
      }
    }
  }
  return events.sort((a, b) => a.ts - b.ts);
}

/**
 * Stores the sample events through the collector's path, in adapter-sized batches.
 *
 * @returns {Promise<{ events: number, stored: number, duplicates: number }>}
 */
export async function seed(store, options = {}) {
  const { batchSize } = { ...SEED_DEFAULTS, ...options };
  const events = generateJourneys(options);
  let stored = 0;
  let duplicates = 0;
  for (let i = 0; i < events.length; i += batchSize) {
    const body = {
      sentAt: events[Math.min(i + batchSize, events.length) - 1].ts,
      events: events.slice(i, i + batchSize),
    };
    const batch = parseBatch(JSON.parse(JSON.stringify(body)));
    if (!batch.ok || batch.rejected.length) {
      throw new Error(
        `[touchpoint demo] seed made an event the collector rejects: ${batch.error ?? batch.rejected[0].error}`,
      );
    }
    const result = await store.insert({ ...batch, rejected: 0 }, 'application/json');
    stored += result.stored;
    duplicates += result.duplicates;
  }
  return { events: events.length, stored, duplicates };
}

async function main() {
  const dataDir = resolve(process.env.DATA_DIR || SERVER_DEFAULTS.dataDir);
  let store;
  try {
    store = await openEventStore(dataDir, { log: console.log });
  } catch (error) {
    const why = error.message.replace(/^\[touchpoint( demo)?\] /, '');
    console.error(`[touchpoint demo] could not seed: ${why}`);
    console.error(
      '[touchpoint demo] seeding writes the database directly: stop the demo server, then run seed-demo again',
    );
    process.exit(1);
  }
  try {
    const result = await seed(store, SEED_DEMO);
    console.log(
      `Seeded ${dataDir}: ${result.events} events from ${SEED_DEMO.visitors} visitors over ${SEED_DEMO.days} days, ` +
        `${result.stored} stored, ${result.duplicates} already there (seed ${SEED_DEFAULTS.seed}).`,
    );
    console.log('Start the demo (npx pnpm@10 start) and open /insights.');
  } finally {
    await store.close();
  }
}

const isMain = process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url;
if (isMain) await main();
