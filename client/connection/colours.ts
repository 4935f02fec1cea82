/**
 * Stable colours per delegation, so FR is the same colour on every screen. The server assigns the
 * awareness colour of every connection with `delegationColor`; badges in the panels use the same
 * function so that a sponsor badge matches that delegation's cursor. (A pure function that would
 * sit better in shared/.)
 */
export { delegationColor as delegationColour } from '../../shared/model/delegation-colour.ts';
