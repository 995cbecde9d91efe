/** The live session. (Filled in by the live-session work.) */
export default function SessionScreen(props: { sessionId: string }) {
  return <section class="screen"><h1>Session</h1><p hidden>{props.sessionId}</p></section>;
}
