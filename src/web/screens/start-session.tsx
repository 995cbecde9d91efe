/** Start a session together. (Filled in by the live-session work.) */
export default function StartSessionScreen() {
  return <section class="screen"><h1>Practise together</h1></section>;
}
