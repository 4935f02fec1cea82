/**
 * A comment is signed: the rule function refuses a new comment that does not carry the writer's
 * account name or a valid time near the checker's clock, and any re-signing or re-dating of an
 * existing comment, even by its own delegation.
 */
import { describe, it, expect } from 'vitest';
import type { Node } from 'prosemirror-model';
import { refuseEdit, REFUSAL_MESSAGES, commentTime, type Author } from '../shared/permissions/index.ts';
import { schema } from '../shared/schema/index.ts';
import { sample, nodePos, edit } from './helpers/edit-samples.ts';

const NOW = Date.parse('2026-12-02T14:00:00Z');
const MARIE: Author = { role: 'delegate', delegation: 'FR', name: 'Marie' };
const PIERRE: Author = { role: 'delegate', delegation: 'FR', name: 'Pierre' };
const SEC: Author = { role: 'secretariat', delegation: 'UN', name: 'Ana' };

const { comment, plain } = schema.nodes;
/** `doc` with a new comment at the end of its comments, with `attrs`. */
const withComment = (doc: Node, attrs: Record<string, unknown>) =>
  edit(doc, (tr) => tr.insert(doc.content.size - 1, comment.create({ id: 'c9', delegation: 'FR', status: 'open', ...attrs }, plain.create(null, schema.text('A note')))));
/** `doc` with comment `id`'s attributes changed by `attrs`. */
const resign = (doc: Node, id: string, attrs: Record<string, unknown>) =>
  edit(doc, (tr, d) => { const pos = nodePos(d, id); tr.setNodeMarkup(pos, undefined, { ...d.nodeAt(pos)!.attrs, ...attrs }); });

const refusal = (after: Node, who: Author, before = sample()) => refuseEdit(before, after, who, NOW);

describe('signed comments', () => {
  it('accepts what the editor writes: the account name and the time in epoch ms', () => {
    expect(refusal(withComment(sample(), { author: 'Marie', createdAt: NOW - 1000 }), MARIE)).toBeNull();
    expect(refusal(withComment(sample(), { author: 'Ana', delegation: 'UN', createdAt: NOW }), SEC)).toBeNull();
  });

  it('accepts an ISO 8601 time with its zone, a few minutes ahead of the clock at most', () => {
    expect(refusal(withComment(sample(), { author: 'Marie', createdAt: '2026-12-02T14:04:00Z' }), MARIE)).toBeNull();
    expect(refusal(withComment(sample(), { author: 'Marie', createdAt: '2026-12-02T15:00:00+01:00' }), MARIE)).toBeNull();
  });

  it.each([
    ['another account\'s name', { author: 'Pierre', createdAt: NOW }, /signed "Pierre", not by its writer "Marie"/],
    ['another delegation\'s delegate\'s name', { author: 'Wanjiru', createdAt: NOW }, /signed "Wanjiru"/],
    ['no name', { createdAt: NOW }, /signed null/],
    ['no time', { author: 'Marie' }, /no valid time: createdAt null/],
    ['a time in words', { author: 'Marie', createdAt: 'yesterday' }, /no valid time: createdAt "yesterday"/],
    ['a date without a time zone', { author: 'Marie', createdAt: '2026-12-02T14:00:00' }, /no valid time/],
    ['a fractional number', { author: 'Marie', createdAt: 1.5 }, /no valid time/],
    ['a time next week', { author: 'Marie', createdAt: NOW + 7 * 86_400_000 }, /dated 2026-12-09T14:00:00.000Z, after 2026-12-02T14:00:00.000Z/],
    ['a time ten minutes ahead', { author: 'Marie', createdAt: '2026-12-02T14:10:00Z' }, /after/],
    ['a time last year', { author: 'Marie', createdAt: '2025-12-02T14:00:00Z' }, /more than a day before/],
  ])('refuses a new comment with %s', (_name, attrs, detail) => {
    const got = refusal(withComment(sample(), attrs), MARIE);
    expect(got?.message).toBe(REFUSAL_MESSAGES.commentSignature);
    expect(got?.detail).toMatch(detail);
  });

  it('refuses re-signing or re-dating an existing comment, even by its own delegation', () => {
    expect(refusal(resign(sample(), 'c1', { author: 'Pierre' }), PIERRE)?.detail).toMatch(/comment c1 would be re-signed or re-dated/);
    expect(refusal(resign(sample(), 'c1', { createdAt: NOW }), MARIE)?.message).toBe(REFUSAL_MESSAGES.commentSignature);
    expect(refusal(resign(sample(), 'c1', { status: 'resolved' }), MARIE)).toBeNull();
  });

  it('leaves the chair, who may change anything, to sign as the record needs', () => {
    expect(refusal(withComment(sample(), { author: 'The Chair', createdAt: 1 }), { role: 'chair', delegation: 'CHAIR', name: 'Chair' })).toBeNull();
  });

  it('reads times as epoch ms: integers and ISO date-times with zone only', () => {
    expect(commentTime(NOW)).toBe(NOW);
    expect(commentTime('2026-12-02T14:00:00.250Z')).toBe(NOW + 250);
    expect([commentTime(-1), commentTime(Number.NaN), commentTime('2026-12-02'), commentTime({})]).toEqual([null, null, null, null]);
  });
});
