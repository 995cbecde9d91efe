/**
 * The progress page's sections, body first and relationship after: the window of tolerance,
 * practices, moving together, between you, and reflections. A section with nothing in it yet
 * says so kindly and shows where one could start, never that anything was missed.
 */
import type { ComponentChildren } from 'preact';
import type { ProgressTimeline } from '../../core/progress/index.ts';
import { CHANGE_MARKERS, WORKING_MODEL_CHANGE_NOTE, WORKING_MODEL_QUESTIONS } from '../../core/reflections/index.ts';
import { AppLink } from '../components/app-link.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { US_PATH } from '../us/us-routes.ts';
import { ProgressFigure } from './progress-figure.tsx';
import {
  cycleMomentsChart,
  markersChart,
  practiceLengthsChart,
  practiceMinutesChart,
  repairTimesChart,
  trendChart,
  windowChart,
  workingModelChart,
} from './progress-series.ts';
import { cycleTable, markersTable, practiceTable, repairTable, signalsTable, windowTable, workingModelTable } from './progress-table-rows.ts';
import { cycleSummary, practiceSummary, repairSummary, trendSummary, windowSummary } from './progress-words.ts';

/** What every section is given. */
export interface ProgressSectionProps {
  readonly timeline: ProgressTimeline;
  readonly weeks: readonly string[];
  readonly months: readonly string[];
  readonly tzOffsetMin: number;
  readonly showTable: boolean;
}

/** A section card with its heading and, when empty, a kind line and a place to begin. */
function Section(props: { id: string; title: string; learn?: ComponentChildren; children: ComponentChildren }) {
  const headingId = `progress-${props.id}-heading`;
  return (
    <section class="card progress-section" aria-labelledby={headingId}>
      <div class="progress-section-top">
        <h2 id={headingId}>{props.title}</h2>
        {props.learn}
      </div>
      {props.children}
    </section>
  );
}

function NothingYet(props: { text: string; href: string; action: string }) {
  return (
    <div class="progress-empty">
      <p>
        <strong>Nothing here yet.</strong> {props.text}
      </p>
      <AppLink class="button secondary" href={props.href}>
        {props.action}
      </AppLink>
    </div>
  );
}

/** Check-ins as time within, above and below the window of tolerance. */
export function WindowSection(props: ProgressSectionProps) {
  const chart = windowChart(props.timeline, props.weeks);
  return (
    <Section id="window" title="Your window of tolerance" learn={<LearnLink cardId="window-of-tolerance" />}>
      {chart === null ? (
        <NothingYet text="Your check-ins show here as time within your window, above it and below it." href="/" action="Check in now" />
      ) : (
        <>
          <ProgressFigure id="window-chart" title="Time your check-ins cover, by week" summary={windowSummary(props.timeline)} chart={chart} table={windowTable(props.timeline)} showTable={props.showTable} />
          <p class="hint">Everyone moves in and out of their window. Noticing where you are is the practice, wherever that is.</p>
        </>
      )}
    </Section>
  );
}

/** Practices and their lengths, week by week. */
export function PracticeSection(props: ProgressSectionProps) {
  const minutes = practiceMinutesChart(props.timeline, props.weeks);
  const lengths = practiceLengthsChart(props.timeline, props.weeks);
  return (
    <Section id="practice" title="Practices" learn={<LearnLink cardId="self-regulation-first" />}>
      {minutes === null || lengths === null ? (
        <NothingYet text="Practices you do, alone or together, show here with how long each one was." href="/practice/paced-breathing" action="Try slow breathing" />
      ) : (
        <>
          <ProgressFigure id="practice-minutes" title="Minutes of practice each week" summary={practiceSummary(props.timeline)} chart={minutes} table={practiceTable(props.timeline)} showTable={props.showTable} />
          {!props.showTable && (
            <ProgressFigure id="practice-lengths" title="How long each practice was" summary="The typical length each week, and the longest. Short practices count just as much; lengths change only when you choose." chart={lengths} table={practiceTable(props.timeline)} showTable={false} />
          )}
        </>
      )}
    </Section>
  );
}

/** Synchrony and coherence trends from practices with sensors. */
export function TogetherSection(props: ProgressSectionProps) {
  const synchrony = trendChart(props.timeline.synchrony, props.weeks, 'Synchrony (middle reading)', 'from 0 to 1', [0, 1]);
  const coherence = trendChart(props.timeline.coherence, props.weeks, 'Heart rhythm coherence (middle reading)', 'ratio');
  const table = signalsTable(props.timeline);
  return (
    <Section id="together" title="Bodies moving together" learn={<LearnLink cardId="co-regulation" />}>
      {synchrony === null && coherence === null ? (
        <NothingYet text="When you practise together with sensors on, how your heart rates moved together shows here. Sensors are always optional." href="/together" action="Practise together" />
      ) : (
        <>
          <ProgressFigure id="synchrony" title="How your heart rates moved together" summary={trendSummary(props.timeline.synchrony, 'synchrony')} chart={synchrony} table={table} showTable={props.showTable} />
          {!(props.showTable && synchrony !== null) && (
            <ProgressFigure id="coherence" title="Heart rhythm coherence" summary={trendSummary(props.timeline.coherence, 'coherence')} chart={coherence} table={table} showTable={props.showTable} />
          )}
          <p class="hint">These readings are for noticing, not for judging how anyone did.</p>
        </>
      )}
    </Section>
  );
}

/** Cycle moments and repair times. */
export function BetweenYouSection(props: ProgressSectionProps) {
  const cycle = cycleMomentsChart(props.timeline, props.weeks);
  const repairs = repairTimesChart(props.timeline, props.months);
  const repairsBegan = props.timeline.repairs.length > 0;
  return (
    <Section id="between" title="Between you" learn={<LearnLink cardId="repair" />}>
      {cycle === null && !repairsBegan ? (
        <NothingYet text="Moments you notice your cycle, and repairs you keep in your own history, show here." href={US_PATH} action="Go to Between us" />
      ) : (
        <>
          <ProgressFigure id="cycle" title="Noticing your cycle" summary={cycleSummary(props.timeline)} chart={cycle} table={cycleTable(props.timeline)} showTable={props.showTable} />
          <ProgressFigure id="repairs" title="Finding your way back" summary={repairSummary(props.timeline)} chart={repairs} table={repairTable(props.timeline)} showTable={props.showTable} />
          {repairsBegan && repairs === null && !props.showTable && (
            <p class="hint">The time from a rupture to a next step appears here once a repair reaches one.</p>
          )}
        </>
      )}
    </Section>
  );
}

/** The two questions and the markers of change, with plain comparisons. */
export function ReflectionsSection(props: ProgressSectionProps) {
  const { reflections } = props.timeline;
  const questions = workingModelChart(props.timeline, props.tzOffsetMin);
  const markers = markersChart(props.timeline, props.tzOffsetMin);
  const changes = reflections.workingModel.flatMap((change) => {
    const sentence = change.sinceFirst ?? change.sincePrevious;
    const question = WORKING_MODEL_QUESTIONS.find((candidate) => candidate.id === change.questionId);
    return sentence === null || question === undefined ? [] : [`${question.shortName}: ${sentence}`];
  });
  const markerChanges = reflections.markerChanges.map((change) => `${CHANGE_MARKERS.find((marker) => marker.id === change.markerId)?.shortName ?? change.markerId}: ${change.sentence}`);
  return (
    <Section id="reflections" title="Reflections" learn={<LearnLink cardId="attachment" />}>
      {questions === null && markers === null ? (
        <NothingYet text="Your answers to the two questions and the markers of change show here over time." href="/reflect" action="Go to Reflect" />
      ) : (
        <>
          <ProgressFigure id="two-questions" title="The two questions" summary={questions === null ? 'Not answered with a number in these weeks.' : 'Your numbers from 0 to 10, each time you answered.'} chart={questions} table={workingModelTable(props.timeline, props.tzOffsetMin)} showTable={props.showTable} />
          {changes.length > 0 && <SentenceList items={changes} />}
          <ProgressFigure id="markers" title="Markers of change" summary={markers === null ? 'Not rated in these weeks.' : 'How true each marker felt, each time you rated them.'} chart={markers} table={markersTable(props.timeline, props.tzOffsetMin)} showTable={props.showTable} />
          {markerChanges.length > 0 && <SentenceList items={markerChanges} />}
          <p class="hint">{WORKING_MODEL_CHANGE_NOTE}</p>
        </>
      )}
    </Section>
  );
}

function SentenceList(props: { items: readonly string[] }) {
  return (
    <ul class="progress-sentences">
      {props.items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
