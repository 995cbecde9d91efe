/** A practice on your own. (Filled in by the pacer work.) */
export default function SoloPracticeScreen(props: { practiceId: string }) {
  return <section class="screen"><h1>{props.practiceId}</h1></section>;
}
