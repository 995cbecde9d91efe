/**
 * Who takes which role in a practice. People may choose roles when proposing; whoever is left
 * unassigned gets a sensible default, and the result must fit each role's numbers.
 */
import type { PracticeDefinition } from '../practices/index.ts';
import type { SessionState } from './state.ts';

/** Roles for everyone taking part, or a sentence saying what does not fit. */
export type RolesResolution =
  | { readonly ok: true; readonly roles: Readonly<Record<string, string>> }
  | { readonly ok: false; readonly message: string };

/**
 * The person a practice should lead from when nobody chose: for mirroring, the most recent
 * person who shared that they feel activated, so the pacer starts where they are. Private
 * check-ins never count, or the choice would reveal them.
 */
function leadCandidate(state: SessionState, participantIds: readonly string[]): string | undefined {
  const activated = participantIds
    .map((id) => state.latestSharedCheckIns[id])
    .filter((checkIn) => checkIn?.state === 'activated')
    .sort((a, b) => (b?.atMs ?? 0) - (a?.atMs ?? 0));
  return activated[0]?.participantId ?? participantIds[0];
}

/** Fills in and checks the roles for `participantIds`. */
export function practiceRolesResolve(
  definition: PracticeDefinition<unknown>,
  chosen: Readonly<Record<string, string>>,
  state: SessionState,
  participantIds: readonly string[],
): RolesResolution {
  if (definition.roles.length === 0) return { ok: true, roles: {} };
  const roleIds = definition.roles.map((role) => role.id);
  const roles: Record<string, string> = {};
  for (const [participantId, roleId] of Object.entries(chosen)) {
    if (!participantIds.includes(participantId)) {
      return { ok: false, message: 'A role was given to someone who is not here. Choose roles again.' };
    }
    if (!roleIds.includes(roleId)) {
      return { ok: false, message: `"${definition.title}" has no such role. Choose from: ${definition.roles.map((r) => r.name).join(', ')}.` };
    }
    roles[participantId] = roleId;
  }
  const [leadRole, ...otherRoles] = definition.roles;
  const fallbackRole = otherRoles[otherRoles.length - 1] ?? leadRole;
  if (!leadRole || !fallbackRole) return { ok: true, roles };
  const leadTaken = Object.values(roles).includes(leadRole.id);
  if (!leadTaken) {
    const unassigned = participantIds.filter((id) => !(id in roles));
    const lead = leadCandidate(state, unassigned);
    if (lead !== undefined) roles[lead] = leadRole.id;
  }
  for (const id of participantIds) roles[id] ??= fallbackRole.id;
  for (const role of definition.roles) {
    const count = Object.values(roles).filter((roleId) => roleId === role.id).length;
    if (count < role.min || count > role.max) {
      const wanted = role.min === role.max ? `${role.min}` : `${role.min} to ${role.max}`;
      return { ok: false, message: `"${role.name}" needs ${wanted} ${role.max === 1 ? 'person' : 'people'}; choose roles again.` };
    }
  }
  return { ok: true, roles };
}
