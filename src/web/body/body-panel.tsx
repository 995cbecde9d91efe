/**
 * Bodies in the room, live: each sharing person's heart rate, breathing rate and a calm breath
 * indicator, their coherence (a HeartMath-style ratio, not HeartMath's score), and the pair's
 * synchrony with a small trend, or "not enough signal yet" and why. Only real readings are
 * shown: a stale one reads "no reading right now", and nobody who doesn't share appears.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ServerClock } from '../net/server-clock.ts';
import { SYNCHRONY_EXPLANATION, synchronyLevelWords } from '../report/synchrony-words.ts';
import { SOURCE_WORDS } from '../sensors/sensor-words.ts';
import type { BodyView, PairSynchrony, PersonBody } from './body-view.ts';
import { BreathDot } from './breath-dot.tsx';
import type { CoherenceNow } from './coherence-now.ts';
import type { SynchronyChartProps } from './synchrony-chart.tsx';
import './body-panel.css';

/** What coherence is, said once under the list. */
export const COHERENCE_EXPLANATION =
  "Coherence is a HeartMath-style ratio, not HeartMath's score: how much of the heart's rise and fall follows one slow, even wave, as it tends to when breathing settles into the pacer. Higher means more of it.";

function PersonReadings(props: {
  person: PersonBody;
  sharing: boolean;
  phaseNow: () => number | null;
}) {
  const { person, sharing } = props;
  const heart = person.heart;
  return (
    <li class="body-person">
      <p class="body-person-name">
        <span>{person.isMe ? 'You' : person.name}</span>
        {heart !== null && <span class="tag quiet-tag">{SOURCE_WORDS[heart.source]}</span>}
        {person.isMe && !sharing && <span class="tag quiet-tag">only you see this</span>}
      </p>
      <dl class="body-readings">
        <div class="body-reading">
          <dt>Heart rate</dt>
          <dd>
            {heart === null ? (
              <span class="hint">No reading right now</span>
            ) : (
              <>
                <span class="body-number">{Math.round(heart.bpm)}</span>{' '}
                <span class="body-unit">beats a minute</span>
              </>
            )}
          </dd>
        </div>
        <div class="body-reading">
          <dt>Breathing</dt>
          <dd>
            {person.breathingRateBpm === null ? (
              <span class="body-breath-line">
                {person.breathPhaseKnown && <BreathDot phaseNow={props.phaseNow} />}
                <span class="hint">
                  {person.breathPhaseKnown ? 'Rate not read yet' : 'No reading right now'}
                </span>
              </span>
            ) : (
              <>
                <span class="body-breath-line">
                  {person.breathPhaseKnown && <BreathDot phaseNow={props.phaseNow} />}
                  <span class="body-number">{person.breathingRateBpm.toFixed(1)}</span>
                </span>
                <span class="body-unit">breaths a minute</span>
              </>
            )}
          </dd>
        </div>
        {person.coherence.kind !== 'none' && (
          <div class="body-reading">
            <dt>Coherence</dt>
            <dd>
              <CoherenceValue coherence={person.coherence} />
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function CoherenceValue(props: { coherence: CoherenceNow }) {
  const { coherence } = props;
  if (coherence.kind === 'none') return null;
  if (coherence.kind === 'waiting') return <span class="hint">{coherence.reason}</span>;
  const ratio = Number.isFinite(coherence.ratio)
    ? coherence.ratio >= 99
      ? 'over 99'
      : coherence.ratio.toFixed(1)
    : 'over 99';
  return (
    <>
      <span class="body-number">{ratio}</span> <span class="body-unit">ratio</span>
    </>
  );
}

/** Loads the trend chart (and uPlot with it) only once there is a trend to draw. */
function LazySynchronyChart(props: SynchronyChartProps) {
  const [Chart, setChart] = useState<ComponentType<SynchronyChartProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    import('./synchrony-chart.tsx').then(
      (module) => {
        if (live) setChart(() => module.SynchronyChart);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);
  if (failed) return null;
  return Chart === null ? (
    <div class="synchrony-chart synchrony-chart--loading" aria-hidden="true" />
  ) : (
    <Chart {...props} />
  );
}

function lagWords(lagSec: number, partnerName: string): string | null {
  if (Math.abs(lagSec) < 1) return null;
  const seconds = Math.round(Math.abs(lagSec));
  const unit = seconds === 1 ? 'second' : 'seconds';
  // A positive lag means the partner's heart rate follows mine.
  return lagSec > 0
    ? `${partnerName}'s heart rate tends to follow yours by about ${seconds} ${unit}.`
    : `Your heart rate tends to follow ${partnerName}'s by about ${seconds} ${unit}.`;
}

const DIRECTION_WORDS = {
  rising: 'Rising lately.',
  falling: 'Easing off lately.',
  steady: 'Steady lately.',
} as const;

function Synchrony(props: {
  synchrony: PairSynchrony;
  view: BodyView;
  nowMs: number;
  paced: boolean;
  onChoose: (id: string) => void;
}) {
  const { synchrony, view } = props;
  if (synchrony.kind === 'no-pair') {
    return synchrony.reason === '' ? null : <p class="hint">{synchrony.reason}</p>;
  }
  const scored = synchrony.trend.filter((point) => point.score !== null).length;
  const now = synchrony.now;
  const notes =
    now.kind === 'score'
      ? [
          synchrony.direction === null ? null : DIRECTION_WORDS[synchrony.direction],
          lagWords(now.lagSec, synchrony.partnerName),
          now.pValue >= 0.05 ? 'This much could also happen by chance.' : null,
        ]
          .filter((part) => part !== null)
          .join(' ')
      : '';
  return (
    <>
      {view.partners.length > 1 && (
        <div class="field">
          <label for="synchrony-partner">Compare your heart rate with</label>
          <select
            id="synchrony-partner"
            value={synchrony.partnerId}
            onChange={(event) => {
              props.onChoose(event.currentTarget.value);
            }}
          >
            {view.partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {partner.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {now.kind === 'score' ? (
        <div class="synchrony-now">
          <p class="synchrony-score" data-mark={synchrony.trend.at(-1)?.atMs}>
            <span class="body-number">{now.score.toFixed(2)}</span>{' '}
            <span>
              with {synchrony.partnerName}: {synchronyLevelWords(now.score)}.
            </span>
          </p>
          {notes !== '' && <p class="hint">{notes}</p>}
        </div>
      ) : (
        <p class="synchrony-waiting">
          <strong>Not enough signal yet.</strong> {now.reason}
        </p>
      )}
      {scored >= 2 && (
        <LazySynchronyChart
          trend={synchrony.trend}
          nowMs={props.nowMs}
          label={`How your heart rate and ${synchrony.partnerName}'s moved together over the last few minutes, from 0 to 1.`}
        />
      )}
      <p class="hint">
        {SYNCHRONY_EXPLANATION}
        {props.paced
          ? ' While you breathe with the guide together, its shared rhythm is taken out first, so following the same guide does not count by itself.'
          : ''}
      </p>
    </>
  );
}

/** Props of the live body panel. */
export interface BodyPanelProps {
  readonly view: BodyView;
  readonly clock: ServerClock;
  readonly breathPhaseAt: (participantId: string, serverNowMs: number) => number | null;
  readonly onChoosePartner: (participantId: string) => void;
  /** A paced practice is breathing now. */
  readonly paced: boolean;
}

/** The live panel. */
export function BodyPanel(props: BodyPanelProps) {
  const { view, clock } = props;
  const anyCoherence = view.people.some((person) => person.coherence.kind !== 'none');
  return (
    <section class="card body-panel" aria-labelledby="body-title">
      <h2 id="body-title">Heart and breath</h2>
      {view.people.length === 0 ? (
        <p class="hint">
          When someone here turns on a sensor and shares, their heart rate and breathing show here.
          Nothing is shown for anyone who doesn't share.
        </p>
      ) : (
        <ul class="body-people">
          {view.people.map((person) => (
            <PersonReadings
              key={person.participantId}
              person={person}
              sharing={view.sharing}
              phaseNow={() => props.breathPhaseAt(person.participantId, clock.now())}
            />
          ))}
        </ul>
      )}
      {anyCoherence && <p class="hint">{COHERENCE_EXPLANATION}</p>}
      <h3>Moving together</h3>
      <Synchrony
        synchrony={view.synchrony}
        view={view}
        nowMs={clock.now()}
        paced={props.paced}
        onChoose={props.onChoosePartner}
      />
    </section>
  );
}
