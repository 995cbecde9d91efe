/**
 * The app shell: a header with the way home, the way to sign in (or to the account), the
 * always-present "Need help now?", and the screen the path asks for. Screens other than home
 * load on demand.
 */
import { AccountHeaderLink } from './account/account-header-link.tsx';
import { accountScreenFor } from './account/account-screens.tsx';
import { HelpButton } from './help/help-button.tsx';
import { lazyScreen } from './lazy-screen.tsx';
import { linkClick, useRoute } from './router.ts';
import { growthScreenFor } from './screens/growth-screens.tsx';
import { HomeScreen } from './screens/home.tsx';
import { betweenUsScreenFor } from './us/us-screens.tsx';
import { consultationScreenFor } from './consultations/consultation-screens.tsx';
import { instanceScreenFor } from './operator/operator-screens.tsx';
import { practitionerScreenFor } from './practitioner/practitioner-screens.tsx';
import { accessLogScreenFor } from './access-log/access-log-screens.tsx';

const SoloPracticeScreen = lazyScreen<{ practiceId: string }>(() => import('./screens/solo-practice.tsx'));
const StartSessionScreen = lazyScreen<object>(() => import('./screens/start-session.tsx'));
const JoinScreen = lazyScreen<{ token: string }>(() => import('./screens/join.tsx'));
const SessionScreen = lazyScreen<{ sessionId: string }>(() => import('./screens/session.tsx'));
const ReportScreen = lazyScreen<{ sessionId: string }>(() => import('./screens/report.tsx'));

function NotFound() {
  return (
    <section class="screen">
      <h1>Nothing here</h1>
      <p>This page does not exist. You can go back to the start.</p>
      <a class="button" href="/" onClick={(event) => { linkClick(event, '/'); }}>Back to the start</a>
    </section>
  );
}

function screenFor(path: string, hash: string) {
  if (path === '/' || path === '') return <HomeScreen />;
  const practice = /^\/practice\/([a-z-]+)$/.exec(path);
  if (practice?.[1] !== undefined) return <SoloPracticeScreen practiceId={practice[1]} />;
  if (path === '/together') return <StartSessionScreen />;
  if (path === '/join') return <JoinScreen token={hash} />;
  const session = /^\/session\/([A-Za-z0-9-]+)$/.exec(path);
  // Keyed by id, so nothing from one session carries over into the next.
  if (session?.[1] !== undefined) return <SessionScreen key={session[1]} sessionId={session[1]} />;
  const report = /^\/session\/([A-Za-z0-9-]+)\/report$/.exec(path);
  if (report?.[1] !== undefined) return <ReportScreen key={report[1]} sessionId={report[1]} />;
  // Repair, reflections, progress and prompt settings.
  const growth = growthScreenFor(path);
  if (growth !== null) return growth;
  // Sign in, create an account, account settings.
  const account = accountScreenFor(path);
  if (account !== null) return account;
  // Between us, its cycle map, Learn and the worked example.
  const betweenUs = betweenUsScreenFor(path, hash);
  if (betweenUs !== null) return betweenUs;
  // Consultations: booking, my consultations, a practitioner's availability.
  const consultation = consultationScreenFor(path);
  if (consultation !== null) return consultation;
  // The instance: first-run setup and the operator's page.
  const instance = instanceScreenFor(path, hash);
  if (instance !== null) return instance;
  // Practitioner mode: clients and each client's page; and everyone's access log.
  const practitioner = practitionerScreenFor(path) ?? accessLogScreenFor(path);
  if (practitioner !== null) return practitioner;
  return <NotFound />;
}

/** The whole app. */
export function App() {
  const { path, hash } = useRoute();
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="app-header">
        <a class="brand" href="/" onClick={(event) => { linkClick(event, '/'); }}>
          Attune
        </a>
        <div class="app-header-end">
          <AccountHeaderLink />
          <HelpButton />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {screenFor(path, hash)}
      </main>
    </>
  );
}
