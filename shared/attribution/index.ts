/**
 * Attribution: who wrote and who deleted each piece of a treaty text, from the update log (each
 * Yjs item's client id and clock → the logged update that carried it → its account and time).
 * Word redlines sign their tracked changes with it.
 */
export { laterStamp, type Stamp, type TextAuthorship } from './types.ts';
export { stampsFromLog, stampAt, textAuthorship, type LoggedEdit, type ItemStamps } from './yjs.ts';
