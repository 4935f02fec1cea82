import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { Fragment } from 'prosemirror-model';
import { refuseEdit, REFUSAL_MESSAGES, type Author } from '../shared/permissions/index.ts';
import { schema } from '../shared/schema/index.ts';
import { FR, KE, US, SEC, CHAIR, OBSERVER, sample, at, nodePos, bracket, edit, range, markOf } from './helpers/edit-samples.ts';

type Expect = null | keyof typeof REFUSAL_MESSAGES;
type Case = [string, Author, (doc: Node) => Node, Expect];

const { plain, paragraph, option, alternatives, comment } = schema.nodes;
const text = (t: string, marks: readonly import('prosemirror-model').Mark[] = []) => schema.text(t, marks);

/** Insert `words` at `pos` carrying `marks`. */
const insertAt = (doc: Node, pos: number, words: string, marks: readonly import('prosemirror-model').Mark[] = []) =>
  edit(doc, (tr) => tr.insert(pos, text(words, marks)));
/** Type `words` as a new insert bracket sponsored by `who`, before `where`. */
const propose = (doc: Node, where: string, words: string, who: string, id = 'n1') => insertAt(doc, at(doc, where), words, [bracket(id, [who])]);
/** Retype the text from `from` to `to` as `words`, keeping the marks of the first character replaced. */
const retype = (doc: Node, from: number, to: number, words: string) => edit(doc, (tr) => tr.replaceWith(from, to, text(words, doc.nodeAt(from)!.marks)));
/** Replace the attributes of the node with id `id`. */
const setAttrs = (doc: Node, id: string, attrs: Record<string, unknown>) =>
  edit(doc, (tr, d) => { const pos = nodePos(d, id); tr.setNodeMarkup(pos, undefined, { ...d.nodeAt(pos)!.attrs, ...attrs }); });
/** Replace the marks of bracket `id` by one with `attrs` changed. */
const remark = (doc: Node, id: string, attrs: Record<string, unknown>) =>
  edit(doc, (tr, d) => {
    const mark = markOf(d, id);
    d.descendants((node, pos) => {
      if (node.isInline && node.marks.includes(mark)) tr.removeMark(pos, pos + node.nodeSize, mark).addMark(pos, pos + node.nodeSize, schema.marks.bracket.create({ ...mark.attrs, ...attrs }));
      return true;
    });
  });
/** Position just after the block with id `id`. */
const after = (doc: Node, id: string) => nodePos(doc, id) + doc.nodeAt(nodePos(doc, id))!.nodeSize;
/** The comments block's content end. */
const commentsEnd = (doc: Node) => doc.content.size - 1;
const newComment = (attrs: Record<string, unknown>, words = 'a note') => comment.create({ id: 'c9', author: 'X', createdAt: Date.now(), ...attrs }, plain.create(null, text(words)));
const anchor = (id: string) => schema.marks.anchor.create({ comment: id });

const cases: Case[] = [
  // Observers.
  ['an observer changes nothing: typing', OBSERVER, (d) => insertAt(d, at(d, 'device'), 'x'), 'observer'],
  ['an observer may send an edit that changes nothing', OBSERVER, (d) => edit(d, () => {}), null],
  ['an observer may not comment', OBSERVER, (d) => edit(d, (tr) => tr.insert(commentsEnd(d), newComment({ delegation: 'OBS' }))), 'observer'],

  // A delegate and agreed text.
  ['a delegate types in agreed text as its own insert bracket', FR, (d) => propose(d, 'device', 'new ', 'FR'), null],
  ['a delegate types unbracketed text in agreed text', FR, (d) => insertAt(d, at(d, 'device'), 'new '), 'agreedText'],
  ['a delegate deletes agreed words', FR, (d) => edit(d, (tr) => { const r = range(d, 'agreed words'); tr.delete(r.from, r.to); }), 'agreedText'],
  ['a delegate retypes an agreed word', FR, (d) => { const r = range(d, 'words here'); return retype(d, r.from, r.from + 5, 'texts'); }, 'agreedText'],
  ['a delegate proposes deleting agreed words with its own delete bracket', FR, (d) => edit(d, (tr) => { const r = range(d, 'agreed words'); tr.addMark(r.from, r.to, bracket('n1', ['FR'], 'delete')); }), null],
  ['a delegate wraps agreed words in an insert bracket', FR, (d) => edit(d, (tr) => { const r = range(d, 'agreed words'); tr.addMark(r.from, r.to, bracket('n1', ['FR'])); }), 'agreedText'],
  ['a delegate proposes a replacement: delete bracket on the old words, insert bracket with the new', KE, (d) => edit(d, (tr) => {
    const r = range(d, 'words here');
    tr.addMark(r.from, r.to, bracket('n1', ['KE'], 'delete'));
    tr.insert(r.to, text('terms', [bracket('n2', ['KE'])]));
  }), null],
  ['a delegate proposes a replacement as an inline alternatives group', KE, (d) => edit(d, (tr) => {
    const r = range(d, 'words here');
    tr.addMark(r.from, r.to, bracket('n1', ['KE'], 'delete', 'gk'));
    tr.insert(r.to, text('terms', [bracket('n2', ['KE'], 'insert', 'gk')]));
  }), null],
  ['a delegate marks a deletion in another delegation\'s name', KE, (d) => edit(d, (tr) => { const r = range(d, 'agreed words'); tr.addMark(r.from, r.to, bracket('n1', ['FR'], 'delete')); }), 'ownName'],
  ['a delegate proposes an insertion sponsored jointly with another delegation', KE, (d) => insertAt(d, at(d, 'device'), 'new ', [bracket('n1', ['KE', 'FR'])]), 'ownName'],
  ['a delegate splits an agreed paragraph', FR, (d) => edit(d, (tr) => tr.split(at(d, 'here'), 2, [{ type: paragraph, attrs: { id: 'pn' } }, { type: plain, attrs: { id: 'ln' } }])), 'agreedText'],
  ['a delegate splits an agreed paragraph, copying its ids', FR, (d) => edit(d, (tr) => tr.split(at(d, 'here'), 2)), 'agreedText'],
  ['a delegate adds an unbracketed paragraph', FR, (d) => edit(d, (tr) => tr.insert(after(d, 'p2'), paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' }, text('new'))))), 'agreedText'],
  ['a delegate adds an empty unbracketed paragraph', FR, (d) => edit(d, (tr) => tr.insert(after(d, 'p2'), paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' })))), 'agreedText'],
  ['a delegate adds a block-bracketed paragraph sponsored by it', FR, (d) => edit(d, (tr) => tr.insert(after(d, 'p2'), paragraph.create({ id: 'pn', bracket: 'bn', sponsors: ['FR'] }, plain.create({ id: 'ln' }, text('new'))))), null],
  ['a delegate adds a block-bracketed paragraph in another\'s name', FR, (d) => edit(d, (tr) => tr.insert(after(d, 'p2'), paragraph.create({ id: 'pn', bracket: 'bn', sponsors: ['KE'] }, plain.create({ id: 'ln' }, text('new'))))), 'ownName'],
  ['a delegate proposes deleting an agreed paragraph with a delete-kind block bracket', FR, (d) => setAttrs(d, 'p2', { bracket: 'bn', sponsors: ['FR'], bracketKind: 'delete' }), null],
  ['a delegate block-brackets an agreed paragraph as its own proposal', FR, (d) => setAttrs(d, 'p2', { bracket: 'bn', sponsors: ['FR'] }), 'agreedText'],
  ['a delegate renumbers an agreed article', FR, (d) => setAttrs(d, 'a1', { number: '7' }), 'agreedText'],
  ['a delegate gives an agreed block a new id', FR, (d) => setAttrs(d, 'l2', { id: 'lx' }), 'agreedText'],
  ['a delegate makes agreed words bold', FR, (d) => edit(d, (tr) => { const r = range(d, 'agreed words'); tr.addMark(r.from, r.to, schema.marks.strong.create()); }), 'agreedText'],
  ['a delegate retitles the treaty', FR, (d) => insertAt(d, at(d, 'Protocol'), 'Draft '), 'agreedText'],
  ['a delegate changes the words under its own delete bracket', FR, (d) => { const r = range(d, 'interoperable'); return retype(d, r.from, r.to, 'compatible'); }, 'agreedText'],
  ['a delegate turns its own delete bracket into an insert bracket', FR, (d) => remark(d, 'd1', { kind: 'insert' }), 'agreedText'],
  ['a delegate withdraws its own deletion: the words stay agreed', FR, (d) => edit(d, (tr) => { const r = range(d, 'and interoperable'); tr.removeMark(r.from, r.to, markOf(d, 'd1')); }), null],
  ['a delegate withdraws its own insertion with its words', FR, (d) => edit(d, (tr) => { const r = range(d, 'serious hindering'); tr.delete(r.from, r.to); }), null],
  ['a delegate unwraps its own insertion, leaving its words as agreed text', FR, (d) => edit(d, (tr) => { const r = range(d, 'serious hindering'); tr.removeMark(r.from, r.to, markOf(d, 'b1')); }), 'agreedText'],
  ['a delegate edits inside its own sole-sponsored bracket', FR, (d) => insertAt(d, at(d, 'hindering'), 'and grave ', [markOf(d, 'b1')]), null],
  ['a delegate extends its own insertion at its end', FR, (d) => insertAt(d, range(d, 'serious hindering').to, ' of data', [markOf(d, 'b1')]), null],
  ['the secretariat types agreed text directly', SEC, (d) => insertAt(d, at(d, 'device'), 'new '), null],
  ['the secretariat deletes agreed words and adds an unbracketed paragraph', SEC, (d) => edit(d, (tr) => {
    tr.insert(after(d, 'p2'), paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' }, text('new'))));
    const r = range(d, 'agreed words'); tr.delete(r.from, r.to);
  }), null],
  ['the secretariat edits agreed text before a bracket in the same block', SEC, (d) => insertAt(d, at(d, 'computer'), 'a '), null],
  ['the chair retypes agreed text', CHAIR, (d) => edit(d, (tr) => { const r = range(d, 'agreed words'); tr.delete(r.from, r.to); }), null],

  // Another delegation's inline bracket (issue 10 hole 3).
  ['a delegate retypes the words inside another delegation\'s bracket', KE, (d) => { const r = range(d, 'serious'); return retype(d, r.from, r.to, 'grave'); }, 'foreignProposal'],
  ['a delegate types into another delegation\'s bracket', KE, (d) => insertAt(d, at(d, 'hindering'), 'grave ', [markOf(d, 'b1')]), 'foreignProposal'],
  ['a delegate nests its insertion inside another delegation\'s bracket', KE, (d) => insertAt(d, at(d, 'hindering'), 'grave ', [markOf(d, 'b1'), bracket('n1', ['KE'])]), 'foreignProposal'],
  ['a delegate proposes deleting words of another delegation\'s insertion', KE, (d) => edit(d, (tr) => { const r = range(d, 'serious'); tr.addMark(r.from, r.to, bracket('n1', ['KE'], 'delete')); }), 'foreignProposal'],
  ['a delegate deletes another delegation\'s bracketed words', KE, (d) => edit(d, (tr) => { const r = range(d, 'serious hindering'); tr.delete(r.from, r.to); }), 'withdraw'],
  ['a delegate unwraps another delegation\'s bracket, making its words agreed text', KE, (d) => edit(d, (tr) => { const r = range(d, 'serious hindering'); tr.removeMark(r.from, r.to, markOf(d, 'b1')); }), 'agreedText'],
  ['a delegate unwraps another delegation\'s deletion', KE, (d) => edit(d, (tr) => { const r = range(d, 'and interoperable'); tr.removeMark(r.from, r.to, markOf(d, 'd1')); }), 'withdraw'],
  ['a delegate re-sponsors another delegation\'s bracket to itself', KE, (d) => remark(d, 'b1', { sponsors: ['KE'] }), 'sponsors'],
  ['a delegate strips another delegation\'s sponsors', KE, (d) => remark(d, 'b1', { sponsors: null }), 'sponsors'],
  ['a delegate co-sponsors another delegation\'s bracket', KE, (d) => remark(d, 'b1', { sponsors: ['FR', 'KE'] }), null],
  ['a delegate puts itself first among the sponsors', KE, (d) => remark(d, 'b1', { sponsors: ['KE', 'FR'] }), 'sponsors'],
  ['a delegate co-sponsors in another delegation\'s name', KE, (d) => remark(d, 'b1', { sponsors: ['FR', 'US'] }), 'sponsors'],
  ['a delegate turns another delegation\'s deletion into an insertion', KE, (d) => remark(d, 'd1', { kind: 'insert' }), 'agreedText'],
  ['a delegate turns another delegation\'s insertion into a deletion', KE, (d) => remark(d, 'b1', { kind: 'delete' }), 'agreedText'],
  ['a delegate moves another delegation\'s deletion onto other words', KE, (d) => edit(d, (tr) => {
    const r = range(d, 'and interoperable'); tr.removeMark(r.from, r.to, markOf(d, 'd1'));
    const s = range(d, 'or group'); tr.addMark(s.from, s.to, markOf(d, 'd1'));
  }), 'foreignProposal'],
  ['a delegate extends another delegation\'s deletion over more agreed words', KE, (d) => edit(d, (tr) => { const r = range(d, ' or group'); tr.addMark(r.from, r.to, markOf(d, 'd1')); }), 'foreignProposal'],
  ['a delegate moves another delegation\'s bracket to another paragraph with the same words', KE, (d) => edit(d, (tr) => {
    const r = range(d, 'serious hindering'); tr.delete(r.from, r.to);
    tr.insert(tr.mapping.map(at(d, 'agreed words')), text('serious hindering', [markOf(d, 'b1')]));
  }), 'moved'],
  ['a delegate forges a bracket by reusing an existing bracket id elsewhere', KE, (d) => insertAt(d, at(d, 'here'), 'forged ', [bracket('b1', ['FR'])]), 'foreignProposal'],
  ['a delegate forges its own bracket under an id of another delegation\'s', KE, (d) => insertAt(d, at(d, 'here'), 'forged ', [bracket('b1', ['KE'])]), 'foreignProposal'],
  ['a delegate forges a bracket whose id is a block id', KE, (d) => insertAt(d, at(d, 'here'), 'forged ', [bracket('l1', ['KE'])]), 'ids'],
  ['a delegate opens a bracket without an id', KE, (d) => insertAt(d, at(d, 'here'), 'x ', [schema.marks.bracket.create({ sponsors: ['KE'] })]), 'ids'],

  ['a delegate opens an alternatives group under another bracket\'s id', KE, (d) => insertAt(d, at(d, ' device'), 'other', [bracket('n1', ['KE'], 'insert', 'b1')]), 'ids'],

  // Inline alternatives.
  ['a delegate adds an alternative to an inline alternatives group', KE, (d) => insertAt(d, at(d, ' rarely'), ' junk', [bracket('n1', ['KE'], 'insert', 'g1')]), null],
  ['a delegate proposes an inline alternative to another delegation\'s bracket', KE, (d) => {
    const withGroup = remark(d, 'b1', { group: 'gn' });
    return insertAt(withGroup, range(withGroup, 'serious hindering').to, 'grave harm', [bracket('n1', ['KE'], 'insert', 'gn')]);
  }, null],
  ['a delegate puts another delegation\'s bracket into a group without adding an alternative', KE, (d) => remark(d, 'b1', { group: 'gn' }), 'foreignProposal'],
  ['a delegate moves another delegation\'s alternative to another group', KE, (d) => remark(d, 'g1a', { group: 'gx' }), 'foreignProposal'],
  ['a delegate takes another delegation\'s alternative out of its group', KE, (d) => remark(d, 'g1b', { group: null }), 'foreignProposal'],
  ['a delegate withdraws its own inline alternative', US, (d) => edit(d, (tr) => { const r = range(d, 'unsolicited messages'); tr.delete(r.from, r.to); }), null],

  // Another delegation's block bracket.
  ['a delegate edits inside another delegation\'s bracketed article', FR, (d) => insertAt(d, at(d, 'proposal text'), 'new '), 'foreignProposal'],
  ['a delegate edits inside its own bracketed article', KE, (d) => insertAt(d, at(d, 'proposal text'), 'new '), null],
  ['a delegate adds a paragraph inside its own bracketed article', KE, (d) => edit(d, (tr) => tr.insert(after(d, 'l3'), plain.create({ id: 'ln' }, text('more')))), null],
  ['a delegate adds its bracketed paragraph inside another delegation\'s bracketed article', FR, (d) => edit(d, (tr) => tr.insert(after(d, 'l3'), plain.create({ id: 'ln', bracket: 'bn', sponsors: ['FR'] }, text('more')))), 'foreignProposal'],
  ['a delegate deletes another delegation\'s bracketed article', FR, (d) => edit(d, (tr) => { const p = nodePos(d, 'a2'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), 'withdraw'],
  ['a delegate withdraws its own bracketed article', KE, (d) => edit(d, (tr) => { const p = nodePos(d, 'a2'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), null],
  ['a delegate moves another delegation\'s block bracket onto an agreed article', FR, (d) => setAttrs(setAttrs(d, 'a2', { bracket: null, sponsors: null }), 'a1', { bracket: 'bb1', sponsors: ['KE'] }), 'agreedText'],
  ['a delegate co-sponsors another delegation\'s bracketed article', FR, (d) => setAttrs(d, 'a2', { sponsors: ['KE', 'FR'] }), null],
  ['a co-sponsor takes itself off again', FR, (d) => setAttrs(setAttrs(d, 'a2', { sponsors: ['KE', 'FR'] }), 'a2', { sponsors: ['KE'] }), null],
  ['a delegate re-sponsors another delegation\'s bracketed article', FR, (d) => setAttrs(d, 'a2', { sponsors: ['FR'] }), 'sponsors'],
  ['a delegate moves another delegation\'s bracketed article to another place', FR, (d) => edit(d, (tr) => {
    const p = nodePos(d, 'a2'); const node = d.nodeAt(p)!;
    tr.delete(p, p + node.nodeSize);
    tr.insert(tr.mapping.map(nodePos(d, 'a1')), node);
  }), 'moved'],

  // Options.
  ['a delegate adds its own option to alternatives', KE, (d) => edit(d, (tr) => tr.insert(after(d, 'o2'), option.create({ id: 'on', sponsors: ['KE'] }, plain.create({ id: 'ln' }, text('another'))))), null],
  ['a delegate adds an option in another delegation\'s name', KE, (d) => edit(d, (tr) => tr.insert(after(d, 'o2'), option.create({ id: 'on', sponsors: ['US'] }, plain.create({ id: 'ln' }, text('another'))))), 'ownName'],
  ['a delegate adds an unsponsored option to existing alternatives', KE, (d) => edit(d, (tr) => tr.insert(after(d, 'o2'), option.create({ id: 'on' }))), 'ownName'],
  ['a delegate retypes another delegation\'s option', KE, (d) => insertAt(d, at(d, 'france option'), 'new '), 'foreignProposal'],
  ['a delegate relabels another delegation\'s option', KE, (d) => setAttrs(d, 'o1', { label: 'Preferred' }), 'foreignProposal'],
  ['a delegate edits its own option', KE, (d) => insertAt(d, at(d, 'kenya option'), 'new '), null],
  ['a delegate re-sponsors another delegation\'s option', KE, (d) => setAttrs(d, 'o1', { sponsors: ['KE'] }), 'sponsors'],
  ['a delegate co-sponsors another delegation\'s option', KE, (d) => setAttrs(d, 'o1', { sponsors: ['FR', 'KE'] }), null],
  ['a delegate removes another delegation\'s option', KE, (d) => edit(d, (tr) => { const p = nodePos(d, 'o1'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), 'withdraw'],
  ['a delegate withdraws its own option', KE, (d) => edit(d, (tr) => { const p = nodePos(d, 'o2'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), null],
  ['a delegate reorders the options', KE, (d) => edit(d, (tr) => {
    const p = nodePos(d, 'o2'); const node = d.nodeAt(p)!;
    tr.delete(p, p + node.nodeSize); tr.insert(nodePos(d, 'o1'), node);
  }), 'moved'],
  ['a delegate proposes a block alternative: the agreed paragraph as option 1, its wording as option 2', KE, (d) => edit(d, (tr) => {
    const p = nodePos(d, 'p2'); const node = d.nodeAt(p)!;
    tr.replaceWith(p, p + node.nodeSize, alternatives.create({ id: 'altn' }, [
      option.create({ id: 'on1' }, node),
      option.create({ id: 'on2', sponsors: ['KE'] }, paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' }, text('kenya wording')))),
    ]));
  }), null],
  ['a delegate withdraws its block alternative, unwrapping the agreed paragraph', KE, (d) => {
    const p = nodePos(d, 'p2'); const node = d.nodeAt(p)!;
    const proposed = edit(d, (tr) => tr.replaceWith(p, p + node.nodeSize, alternatives.create({ id: 'altn' }, [
      option.create({ id: 'on1' }, node), option.create({ id: 'on2', sponsors: ['KE'] }, paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' }, text('x')))),
    ])));
    expect(refuseEdit(d, proposed, KE)).toBeNull();
    return edit(proposed, (tr) => { const q = nodePos(proposed, 'altn'); tr.replaceWith(q, q + proposed.nodeAt(q)!.nodeSize, node); });
  }, null],
  ['a delegate wraps an agreed paragraph into alternatives with new wording as option 1', KE, (d) => edit(d, (tr) => {
    const p = nodePos(d, 'p2'); const node = d.nodeAt(p)!;
    tr.replaceWith(p, p + node.nodeSize, alternatives.create({ id: 'altn' }, [
      option.create({ id: 'on1' }, paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' }, text('other wording')))),
      option.create({ id: 'on2', sponsors: ['KE'] }, node),
    ]));
  }), 'agreedText'],

  // Comments.
  ['a delegate writes a comment in its own name', KE, (d) => edit(d, (tr) => tr.insert(commentsEnd(d), newComment({ delegation: 'KE' }))), null],
  ['a delegate writes a comment in another delegation\'s name', KE, (d) => edit(d, (tr) => tr.insert(commentsEnd(d), newComment({ delegation: 'FR' }))), 'comment'],
  ['a delegate forges a comment by reusing an existing comment id', KE, (d) => edit(d, (tr) => tr.insert(commentsEnd(d), newComment({ id: 'c1', delegation: 'KE' }))), 'comment'],
  ['a delegate forges a comment under an id of its own comment', KE, (d) => edit(d, (tr) => tr.insert(commentsEnd(d), newComment({ id: 'c2', delegation: 'KE' }))), 'ids'],
  ['a delegate retypes another delegation\'s comment', KE, (d) => insertAt(d, at(d, 'France note'), 'Not '), 'comment'],
  ['a delegate resolves another delegation\'s comment', KE, (d) => setAttrs(d, 'c1', { status: 'resolved' }), 'comment'],
  ['a delegate changes the author of another delegation\'s comment', KE, (d) => setAttrs(d, 'c1', { author: 'Someone' }), 'comment'],
  ['a delegate changes the date of another delegation\'s comment', KE, (d) => setAttrs(d, 'c1', { createdAt: 5 }), 'comment'],
  ['a delegate re-targets another delegation\'s comment', FR, (d) => setAttrs(d, 'c2', { target: 'a3' }), 'comment'],
  ['a delegate makes another delegation\'s comment a reply', FR, (d) => setAttrs(d, 'c2', { replyTo: 'c1' }), 'comment'],
  ['a delegate takes over another delegation\'s comment', KE, (d) => setAttrs(d, 'c1', { delegation: 'KE' }), 'comment'],
  ['a delegate deletes another delegation\'s comment', KE, (d) => edit(d, (tr) => { const p = nodePos(d, 'c1'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), 'comment'],
  ['a delegate edits, resolves and deletes its own comments', FR, (d) => {
    const edited = setAttrs(insertAt(d, at(d, 'France note'), 'Revised: '), 'c1', { status: 'resolved' });
    expect(refuseEdit(d, edited, FR)).toBeNull();
    return edit(d, (tr) => { const p = nodePos(d, 'c1'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); });
  }, null],
  ['a delegate hands its own comment to another delegation', FR, (d) => setAttrs(d, 'c1', { delegation: 'KE' }), 'comment'],
  ['a delegate anchors its own comment on agreed text', KE, (d) => edit(d, (tr) => { const r = range(d, 'words here'); tr.addMark(r.from, r.to, anchor('c2')); }), null],
  ['a delegate anchors another delegation\'s comment on other text', KE, (d) => edit(d, (tr) => { const r = range(d, 'words here'); tr.addMark(r.from, r.to, anchor('c1')); }), 'anchor'],
  ['a delegate detaches another delegation\'s comment', KE, (d) => edit(d, (tr) => { const r = range(d, 'anchored words'); tr.removeMark(r.from, r.to, schema.marks.anchor); }), 'anchor'],
  ['a delegate detaches its own comment', FR, (d) => edit(d, (tr) => { const r = range(d, 'anchored words'); tr.removeMark(r.from, r.to, schema.marks.anchor); }), null],
  ['a delegate proposes an insertion inside another delegation\'s anchored words', KE, (d) => insertAt(d, at(d, 'words', 1), 'many ', [anchor('c1'), bracket('n1', ['KE'])]), null],

  // Articles agreed ad referendum.
  ['a delegate proposes an insertion in an agreed article', FR, (d) => propose(d, 'article text', 'new ', 'FR'), 'agreedArticle'],
  ['a delegate proposes deleting words of an agreed article', FR, (d) => edit(d, (tr) => { const r = range(d, 'article text'); tr.addMark(r.from, r.to, bracket('n1', ['FR'], 'delete')); }), 'agreedArticle'],
  ['the secretariat retypes an agreed article', SEC, (d) => insertAt(d, at(d, 'article text'), 'new '), 'agreedArticle'],
  ['the secretariat deletes an agreed article', SEC, (d) => edit(d, (tr) => { const p = nodePos(d, 'a3'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), 'agreedArticle'],
  ['a delegate anchors its own comment on an agreed article', KE, (d) => edit(d, (tr) => { const r = range(d, 'article text'); tr.addMark(r.from, r.to, anchor('c2')); }), null],
  ['a delegate reopens an agreed article', FR, (d) => setAttrs(d, 'a3', { status: 'open' }), 'agreedArticle'],
  ['a delegate marks an open article agreed', FR, (d) => setAttrs(d, 'a1', { status: 'agreed' }), 'articleStatus'],
  ['the secretariat moves an article to second reading', SEC, (d) => setAttrs(d, 'a1', { status: 'second-reading' }), 'articleStatus'],
  ['a delegate proposes a new article that says it is agreed', FR, (d) => edit(d, (tr) => tr.insert(after(d, 'a1'), schema.nodes.article.create({ id: 'an', bracket: 'bn', sponsors: ['FR'], status: 'agreed' }, [schema.nodes.heading.create(null, text('x'))]))), 'articleStatus'],
  ['the chair agrees an article and reopens another', CHAIR, (d) => setAttrs(setAttrs(d, 'a1', { status: 'agreed' }), 'a3', { status: 'open' }), null],
  ['the chair edits an agreed article', CHAIR, (d) => insertAt(d, at(d, 'article text'), 'new '), null],

  // The secretariat and others' proposals.
  ['the secretariat retypes a delegation\'s bracketed words', SEC, (d) => insertAt(d, at(d, 'hindering'), 'grave '), 'foreignProposal'],
  ['the secretariat edits the words under a delegation\'s deletion', SEC, (d) => insertAt(d, at(d, 'interoperable'), 'fully '), 'foreignProposal'],
  ['the secretariat moves a delegation\'s bracket', SEC, (d) => edit(d, (tr) => {
    const r = range(d, 'serious hindering'); tr.delete(r.from, r.to);
    tr.insert(tr.mapping.map(at(d, 'agreed words')), text('serious hindering', [markOf(d, 'b1')]));
  }), 'moved'],
  ['the secretariat deletes a delegation\'s comment', SEC, (d) => edit(d, (tr) => { const p = nodePos(d, 'c1'); tr.delete(p, p + d.nodeAt(p)!.nodeSize); }), 'comment'],
  ['the secretariat writes a comment in a delegation\'s name', SEC, (d) => edit(d, (tr) => tr.insert(commentsEnd(d), newComment({ delegation: 'FR' }))), 'comment'],

  // The chair.
  ['the chair retypes a delegation\'s bracketed words', CHAIR, (d) => insertAt(d, at(d, 'hindering'), 'grave ', [markOf(d, 'b1')]), null],
  ['the chair drops a bracket and resolves a comment', CHAIR, (d) => setAttrs(edit(d, (tr) => { const r = range(d, 'serious hindering'); tr.delete(r.from, r.to); }), 'c1', { status: 'resolved' }), null],
  ['the chair may not duplicate an id either', CHAIR, (d) => insertAt(d, at(d, 'here'), 'forged ', [bracket('b1', ['FR'])]), 'ids'],
  ['the chair may not give two blocks the same id', CHAIR, (d) => setAttrs(d, 'l2', { id: 'l1' }), 'ids'],
  ['the chair may not split a bracket into two runs with one id', CHAIR, (d) => insertAt(d, at(d, 'hindering'), 'x '), 'ids'],
];

describe('refuseEdit', () => {
  it.each(cases)('%s', (_name, author, change, expected) => {
    const before = sample();
    const after = change(before);
    const refusal = refuseEdit(before, after, author);
    if (expected === null) expect(refusal, refusal?.detail).toBeNull();
    else {
      expect(refusal, 'the edit should be refused').not.toBeNull();
      expect({ message: refusal!.message, detail: refusal!.detail }).toMatchObject({ message: REFUSAL_MESSAGES[expected] });
    }
  });

  it('never sees a bracket of an unknown kind: the schema refuses it first', () => {
    expect(() => schema.marks.bracket.create({ id: 'n1', sponsors: ['KE'], kind: 'replace' })).toThrow(/got "replace"/);
    expect(() => schema.marks.bracket.create({ id: 'n1', sponsors: 'KE' })).toThrow(/list of delegation codes/);
  });

  it('refuses co-sponsoring a bracket nobody sponsors, which would make it the delegate\'s own', () => {
    const d = sample();
    const legacy = insertAt(d, at(d, 'here'), 'legacy ', [schema.marks.bracket.create({ id: 'lg', sponsors: null })]);
    expect(refuseEdit(d, legacy, CHAIR)).toBeNull();
    expect(refuseEdit(legacy, remark(legacy, 'lg', { sponsors: ['KE'] }), KE)?.message).toBe(REFUSAL_MESSAGES.sponsors);
    expect(refuseEdit(legacy, insertAt(legacy, at(legacy, 'legacy'), 'x', [markOf(legacy, 'lg')]), KE)?.message).toBe(REFUSAL_MESSAGES.foreignProposal);
  });

  it('treats the unsponsored option of a proposed alternative as agreed text', () => {
    const d = sample();
    const p = nodePos(d, 'p2');
    const node = d.nodeAt(p)!;
    const base = edit(d, (tr) => tr.replaceWith(p, p + node.nodeSize, alternatives.create({ id: 'altn' }, [
      option.create({ id: 'on1' }, node), option.create({ id: 'on2', sponsors: ['FR'] }, paragraph.create({ id: 'pn' }, plain.create({ id: 'ln' }, text('x')))),
    ])));
    expect(refuseEdit(d, base, FR)).toBeNull();
    expect(refuseEdit(base, propose(base, 'words here', 'more ', 'KE'), KE)).toBeNull();
    expect(refuseEdit(base, insertAt(base, at(base, 'words here'), 'more '), KE)?.message).toBe(REFUSAL_MESSAGES.agreedText);
    expect(refuseEdit(base, setAttrs(base, 'on1', { label: 'Status quo' }), KE)?.message).toBe(REFUSAL_MESSAGES.foreignProposal);
    expect(refuseEdit(base, setAttrs(base, 'on1', { sponsors: ['KE'] }), KE)?.message).toBe(REFUSAL_MESSAGES.agreedText);
  });

  it('refuses moving agreed text into the unsponsored option of existing alternatives', () => {
    const d = sample();
    const p = nodePos(d, 'p2');
    const node = d.nodeAt(p)!;
    const base = edit(d, (tr) => tr.insert(p + node.nodeSize, alternatives.create({ id: 'altn' }, [
      option.create({ id: 'on1' }, paragraph.create({ id: 'po' }, plain.create({ id: 'lo' }, text('old option')))),
      option.create({ id: 'on2' }, paragraph.create({ id: 'pq' }, plain.create({ id: 'lq' }, text('other option')))),
    ])));
    expect(refuseEdit(d, base, CHAIR)).toBeNull();
    // p2 moves from just before the alternatives to the start of its first option: the agreed words read the same.
    const moved = edit(base, (tr) => {
      const from = nodePos(base, 'p2');
      tr.delete(from, from + node.nodeSize);
      tr.insert(tr.mapping.map(nodePos(base, 'po')), node);
    });
    expect(refuseEdit(base, moved, KE)?.message).toBe(REFUSAL_MESSAGES.agreedText);
    expect(refuseEdit(base, moved, SEC)).toBeNull();
  });

  it('gives one plain sentence without ids or codes for every refusal', () => {
    for (const message of Object.values(REFUSAL_MESSAGES)) {
      expect(message).toMatch(/^[A-Z][^_#@{}\d]*\.$/);
    }
  });

  it('allows the sample document unchanged for every role', () => {
    const doc = sample();
    for (const author of [FR, SEC, CHAIR, OBSERVER]) expect(refuseEdit(doc, sample(), author)).toBeNull();
  });

  it('has no duplicate ids in the sample itself', () => {
    const doc = sample();
    expect(refuseEdit(doc, doc.type.create(doc.attrs, Fragment.from(doc.content)), CHAIR)).toBeNull();
  });
});
