/**
 * Progress: one timeline of body and relationship, added up here in the browser in the person's
 * own time zone from what the server keeps for them and the check-ins kept only on this device.
 * Pictures first, a table on request. Loaded on demand, so uPlot is never part of the first page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { progressTimeline } from '../../core/progress/index.ts';
import type { ProgressInputView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { browserStorage, checkInsLoad } from '../local/check-ins.ts';
import { progressFetch } from './progress-api.ts';
import { PROGRESS_SPANS, PROGRESS_SPAN_NAMES, progressInputFrom, progressPeriodOf, tzOffsetMinAt, type ProgressSpan } from './progress-input.ts';
import { BetweenYouSection, PracticeSection, ReflectionsSection, TogetherSection, WindowSection, type ProgressSectionProps } from './progress-sections.tsx';
import { periodMonths, periodWeeks } from './progress-series.ts';
import './progress.css';

type Loaded =
  | { readonly kind: 'loading' }
  /** `note` says why only this device's check-ins are shown, when the server's part is missing. */
  | { readonly kind: 'ready'; readonly view: ProgressInputView | null; readonly note: 'signedOut' | 'unreachable' | null };

function SpanChoice(props: { span: ProgressSpan; onChoose: (span: ProgressSpan) => void }) {
  return (
    <div class="progress-spans" role="group" aria-label="Which weeks to show">
      {PROGRESS_SPANS.map((span) => (
        <button
          key={span}
          type="button"
          class={span === props.span ? 'progress-span progress-span--chosen' : 'progress-span quiet'}
          aria-pressed={span === props.span}
          onClick={() => {
            props.onChoose(span);
          }}
        >
          {PROGRESS_SPAN_NAMES[span]}
        </button>
      ))}
    </div>
  );
}

/** The progress screen. */
export default function ProgressScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [span, setSpan] = useState<ProgressSpan>('twelveWeeks');
  const [showTable, setShowTable] = useState(false);

  useEffect(() => {
    let current = true;
    progressFetch().then(
      (view) => {
        if (current) setLoaded({ kind: 'ready', view, note: null });
      },
      (error: unknown) => {
        if (!current) return;
        const signedOut = error instanceof ApiError && (error.status === 401 || error.status === 403);
        setLoaded({ kind: 'ready', view: null, note: signedOut ? 'signedOut' : 'unreachable' });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  const figures = useMemo(() => {
    if (loaded.kind !== 'ready') return null;
    const nowMs = Date.now();
    const tzOffsetMin = tzOffsetMinAt(nowMs);
    const input = progressInputFrom(loaded.view, checkInsLoad(browserStorage()));
    const period = progressPeriodOf(span, input, nowMs, tzOffsetMin);
    return {
      timeline: progressTimeline(input, period, tzOffsetMin),
      weeks: periodWeeks(period, tzOffsetMin),
      months: periodMonths(period, tzOffsetMin),
      tzOffsetMin,
    };
  }, [loaded, span]);

  if (loaded.kind === 'loading' || figures === null) {
    return (
      <section class="screen progress" aria-labelledby="progress-title">
        <h1 id="progress-title">Your progress</h1>
        <p class="loading" role="status">
          Gathering your timeline…
        </p>
      </section>
    );
  }

  const sectionProps: ProgressSectionProps = { ...figures, showTable };
  return (
    <section class="screen progress" aria-labelledby="progress-title">
      <h1 id="progress-title">Your progress</h1>
      <p>Your body and your relationships over time, on your own calendar. Only you see this page.</p>
      {loaded.note === 'signedOut' && (
        <p class="notice">Showing the check-ins kept on this device. Practising together or saving a reflection adds more here.</p>
      )}
      {loaded.note === 'unreachable' && (
        <div class="notice" role="status">
          <p>Attune could not be reached, so only the check-ins kept on this device are shown.</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setLoaded({ kind: 'loading' });
              setAttempt((count) => count + 1);
            }}
          >
            Try again
          </button>
        </div>
      )}
      <div class="progress-controls">
        <SpanChoice span={span} onChoose={setSpan} />
        <button
          type="button"
          class="quiet"
          onClick={() => {
            setShowTable((shown) => !shown);
          }}
        >
          {showTable ? 'Show as pictures' : 'Show as a table'}
        </button>
      </div>
      <WindowSection {...sectionProps} />
      <PracticeSection {...sectionProps} />
      <TogetherSection {...sectionProps} />
      <BetweenYouSection {...sectionProps} />
      <ReflectionsSection {...sectionProps} />
      <section class="card progress-section" aria-labelledby="progress-prompts-heading">
        <h2 id="progress-prompts-heading">Gentle prompts</h2>
        <p>If you like, Attune can offer a small invitation now and then: a check-in, a practice, a question. Off unless you turn it on.</p>
        <AppLink class="button secondary" href="/settings/prompts">
          Choose prompts
        </AppLink>
      </section>
    </section>
  );
}
