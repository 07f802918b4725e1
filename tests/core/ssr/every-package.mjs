// Run by ssr-process.node.test.ts in a child Node process, with no DOM globals: imports the
// production build of every browser package and calls every function and method, as code
// shared by server and client would during server rendering. `base` is a local server that
// counts requests; nothing may reach it, and nothing may keep this process alive.
import { connect } from '@touchpoint/adapter';
import { posthog } from '@touchpoint/adapter/posthog';
import { segment } from '@touchpoint/adapter/segment';
import { createTouchpoint, exitPreview, previewConfig, redactUrl } from '@touchpoint/core';
import { mountDebug } from '@touchpoint/core/debug';
import { trackClicks } from '@touchpoint/core/dom';
import { FeedbackButton, TouchpointProvider, useStage, useTouchpoint } from '@touchpoint/react';
import { mountWidget } from '@touchpoint/widget';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

const base = process.argv[2];
const survey = { id: 'site-nps', metric: 'nps', question: 'Recommend us?' };

for (const config of [
  `${base}/touchpoint.config.json`,
  { version: 1, surveys: [survey] },
  previewConfig(`${base}/c.json`),
]) {
  const tp = createTouchpoint({
    config,
    autoPageviews: { hash: true },
    requireConsent: config === undefined,
  });
  const links = [
    connect(tp, { endpoint: `${base}/collect`, flushIntervalMs: 50, batchSize: 1 }),
    connect(tp, { endpoint: `${base}/segment`, format: segment({ writeKey: 'k' }) }),
    connect(tp, { endpoint: `${base}/posthog`, format: posthog({ apiKey: 'k' }) }),
  ];
  const widget = mountWidget(tp);
  const stopClicks = trackClicks(tp);
  const debug = mountDebug(tp, { overlay: true });
  tp.on('*', () => {});
  tp.page({ from: 'server' });
  tp.stage('interest', { sku: 'X1' });
  tp.track('rendered', { total: 1 });
  tp.identify('user-7', { plan: 'pro' });
  tp.consent(true);
  tp.show('site-nps');
  tp.explain();
  tp.record('survey_shown', { surveyId: 'site-nps', metric: 'nps' });
  tp.record('survey_answered', { surveyId: 'site-nps', metric: 'nps', score: 9 });
  void tp.consented;
  void tp.preview;
  tp.consent(false);
  tp.reset();
  redactUrl(`${base}/?token=1`);
  // flush() of every link; stop() of all but the first, so a timer it had started would stay.
  for (const link of links) await link.flush();
  for (const link of links.slice(1)) link.stop();
  widget.destroy();
  stopClicks();
  debug.destroy();
}
exitPreview();

function Page() {
  useStage('interest', { sku: 'X1' });
  const tp = useTouchpoint();
  return createElement(
    'main',
    null,
    tp ? 'live' : 'not yet',
    createElement(FeedbackButton, { surveyId: 'site-nps' }),
  );
}
renderToString(
  createElement(
    TouchpointProvider,
    { options: { config: `${base}/touchpoint.config.json` }, endpoint: `${base}/collect` },
    createElement(Page),
  ),
);
process.stdout.write('called\n');
