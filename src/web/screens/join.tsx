/** Join from an invite link. (Filled in by the live-session work.) */
export default function JoinScreen(props: { token: string }) {
  return <section class="screen"><h1>Join</h1><p hidden>{props.token}</p></section>;
}
