/**
 * Which requests count as coming from Attune's own pages. A state-changing request must carry a
 * trusted Origin (a cross-site form cannot forge one). A read of the API must not be one the
 * browser marks as made by another site (`Sec-Fetch-Site`): some reads write to the access log
 * ("Sam looked at your check-ins"), and a link on another site must not be able to add such a
 * line in someone's name by sending their browser there with its cookie.
 */

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What browsers send when another site (or a sibling subdomain) started the request. */
const FOREIGN_FETCH_SITES = new Set(['cross-site', 'same-site']);

/** The parts of a request the check looks at. */
export interface RequestOriginFacts {
  readonly method: string;
  readonly url: string;
  readonly origin: string | undefined;
  /** The `Sec-Fetch-Site` header; absent from non-browser clients and older browsers. */
  readonly fetchSite: string | undefined;
}

/** Whether the request may go on: trusted origins for changes, no foreign-site reads of the API. */
export function requestFromTrustedPage(facts: RequestOriginFacts, allowedOrigins: readonly string[]): boolean {
  const trustedOrigin = facts.origin !== undefined && allowedOrigins.includes(facts.origin);
  if (UNSAFE_METHODS.has(facts.method)) return trustedOrigin;
  if (!facts.url.startsWith('/api/')) return true;
  return trustedOrigin || facts.fetchSite === undefined || !FOREIGN_FETCH_SITES.has(facts.fetchSite);
}
