/**
 * Doing it all alone: gentle "you might notice…" statements (how it can show up, where it may come
 * from, what it can cost) to recognise or set aside, never a label; what the other side looks
 * like; and a small weekly experiment toward letting others in.
 */
import {
  HYPER_INDEPENDENCE_INTRO,
  HYPER_INDEPENDENCE_ROOTS_NOTE,
  HYPER_INDEPENDENCE_SECTIONS,
  HYPER_INDEPENDENCE_SECTION_TITLES,
  HYPER_INDEPENDENCE_STATEMENTS,
  INTERDEPENDENCE_NOTE,
} from '../../core/reflections/index.ts';
import { AppLink } from '../components/app-link.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { ExperimentWeek } from './experiment-week.tsx';
import { RecordsLoadStatus } from './records-load-status.tsx';
import { recordsRead } from './record-bodies.ts';
import { REFLECT_PATHS } from './reflect-routes.ts';
import { useReflectionRecords } from './use-reflection-records.ts';
import './reflections.css';

/** The screen. */
export default function HyperIndependenceScreen() {
  const { load, reload, merge } = useReflectionRecords('experiment');
  return (
    <section class="screen reflect" aria-labelledby="hi-title">
      <h1 id="hi-title">Doing it all alone</h1>
      <p>{HYPER_INDEPENDENCE_INTRO}</p>
      <div class="reflect-links">
        <LearnLink cardId="hyper-independence" />
        <AppLink href={REFLECT_PATHS.home}>All reflections</AppLink>
      </div>
      {HYPER_INDEPENDENCE_SECTIONS.map((section) => (
        <section class="card" key={section} aria-labelledby={`hi-${section}`}>
          <h2 id={`hi-${section}`}>{HYPER_INDEPENDENCE_SECTION_TITLES[section]}</h2>
          <ul class="reflect-noticing">
            {HYPER_INDEPENDENCE_STATEMENTS[section].map((statement) => (
              <li key={statement.id}>{statement.text}</li>
            ))}
          </ul>
          {section === 'roots' && <p class="hint">{HYPER_INDEPENDENCE_ROOTS_NOTE}</p>}
        </section>
      ))}
      <section class="card" aria-labelledby="hi-other-side">
        <h2 id="hi-other-side">The other side</h2>
        <p>{INTERDEPENDENCE_NOTE}</p>
      </section>
      <RecordsLoadStatus load={load} reload={reload} openingWords="Opening your experiments…" />
      {load.kind === 'ready' && <ExperimentWeek reads={recordsRead(load.records, 'experiment')} relationships={load.relationships} onChanged={merge} />}
    </section>
  );
}
