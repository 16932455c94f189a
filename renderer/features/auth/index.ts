/** Sign-in, users and roles (issue #13): the gate in front of the app, the signed-in user's badge, the users page. */
export { AUTH_MESSAGES } from './messages';
export { isRefusal, refusalText, rolesText } from './refusal-text';
export { useGate, type Gate } from './use-gate';
