/**
 * Errors of first-run setup and the operator routes, with the contract's codes and sentences the
 * operator can act on.
 *
 * Someone who is not the operator gets the same 404 `not_found` as for a path that does not
 * exist (after a 401 when not signed in at all), so the operator routes tell nobody else
 * anything, not even that they are there.
 */
import { OPERATOR_ERROR_CODES as CODES, SETUP_LINK_TTL_HOURS } from '../../core/protocol/operator-api.ts';
import { HttpError, httpErrors } from '../http/errors.ts';

/** The errors. */
export const operatorErrors = {
  setupLinkInvalid: () =>
    new HttpError(
      404,
      CODES.setupLinkInvalid,
      `This setup link does not work any more: it was used, replaced by a newer one, or is older than ${SETUP_LINK_TTL_HOURS} hours. On the server, run "attune setup-link" for a fresh one.`,
    ),
  setupDone: () =>
    new HttpError(409, CODES.setupDone, 'This Attune already has its operator account, so there is nothing to set up. You can sign in instead.'),
  notOperator: () => httpErrors.notFound(),
  accountNotFound: () => new HttpError(404, 'not_found', 'There is no account with that id. It may have been deleted.'),
  notYourself: () =>
    new HttpError(409, CODES.notYourself, 'You cannot switch off your own account here: this instance would be left without anyone to look after it.'),
  operatorRoleFixed: () =>
    new HttpError(409, CODES.operatorRoleFixed, 'The operator account keeps its role. Only people and practitioners can be changed here.'),
  backupUnavailable: (howTo: string) => new HttpError(501, CODES.backupUnavailable, howTo),
  backupFailed: (message: string) => new HttpError(500, 'backup_failed', message),
} as const;
