/** Home: start with yourself. (Filled in by the home-screen work.) */
export function HomeScreen() {
  return (
    <section class="screen">
      <h1>How are you, right now?</h1>
    </section>
  );
}
