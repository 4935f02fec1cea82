/** Versions (cut, restore, fork) and the named texts redlines and exports compare: base, current, version, time. */
export { cutVersion, restoreVersion, forkVersion, mayCutVersion, summarizeVersion, VERSION_ROLES, type VersionSummary } from './versions.ts';
export { resolveText, loadBaseText, treatyOfState, versionOf, type NamedText } from './texts.ts';
export { logStamps, redlineAuthorship, signerOf } from './attribution.ts';
