/** The treaty editor: state, view, plugins, keymap, structural and proposal commands, toolbar, help, bench hook. */
export { mountEditor } from './view.ts';
export type { MountOptions } from './view.ts';
export { createEditorState, treatyPlugins, canEdit } from './state.ts';
export { treatyKeymaps, SHORTCUTS, shortcutLabel } from './keymap.ts';
export type { EditorActions, Shortcut } from './keymap.ts';
export { treatyDecorationsPlugin, treatyDecorations, treatyDecorationsKey } from './decorations.ts';
export { numberDecorations, displayLabel } from './numbering.ts';
export { inlineBracketDecorations, blockBracketDecorations } from './brackets.ts';
export { alternativesDecorations } from './alternatives.ts';
export { uniqueIdsPlugin, fixDuplicateIds, freshId } from './ids.ts';
export { readOnlyPlugin } from './read-only.ts';
export { proposalTypingPlugin, proposalTypingKey, startProposalTyping } from './proposal-typing.ts';
export { delegationCursors, cursorElement } from './cursors.ts';
export {
  insertArticle, insertParagraph, insertSubparagraph, insertItem, insertBlockAfter, splitNumbered, indent, outdent, inArticle,
} from './structure.ts';
export { emptyBlock, retype } from './blocks.ts';
export {
  bracketCommand, bracketBlockCommand, bracketArticleCommand, PLACEHOLDER, alternativeCommand, deletionCommand, coSponsorCommand, commentCommand, canComment,
  bracketIdAtCursor, commentTargetAtCursor,
} from './proposals.ts';
export { touchedTextblocks } from './inline-change.ts';
export { createToolbar } from './toolbar.ts';
export type { Toolbar } from './toolbar.ts';
export { showShortcuts } from './help.ts';
export { installBenchHook } from './bench.ts';
export type { BenchHook } from './bench.ts';
