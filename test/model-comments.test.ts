import { describe, it, expect } from 'vitest';
import { listComments } from '../shared/model/index.ts';
import { treaty, h, art, para, p, br, anchor, comments, comment } from './helpers/builders.ts';

describe('listComments', () => {
  it('groups replies under their thread and places it at its target article', () => {
    const doc = treaty(
      art({ id: 'a1' }, h('x')),
      art({ id: 'a2' }, h('y'), para({ id: 'r5' }, p('Recommendation'))),
      comments(
        comment({ id: 'c1', target: 'r5', delegation: 'FR' }, p('Two members wished to delete this recommendation.')),
        comment({ id: 'c2', replyTo: 'c1', delegation: 'US' }, p('We disagree.')),
        comment({ id: 'c3', replyTo: 'c2', delegation: 'KE', status: 'resolved' }, p('Noted.')),
      ),
    );
    const [t] = listComments(doc);
    expect(t).toMatchObject({ id: 'c1', target: 'r5', delegation: 'FR', status: 'open', articleId: 'a2', articleNumber: '2', text: 'Two members wished to delete this recommendation.' });
    expect(t.replies.map((r) => r.id)).toEqual(['c2', 'c3']);
  });

  it('places a thread anchored by an anchor mark', () => {
    const doc = treaty(art({ id: 'a1' }, h('x'), p('some ', anchor({ comment: 'c1' }, 'words'))), comments(comment({ id: 'c1' }, p('Why?'))));
    expect(listComments(doc)[0].articleId).toBe('a1');
  });

  it('places a thread targeting an inline bracket', () => {
    const doc = treaty(art({ id: 'a1' }, h('x'), p(br({ id: 'b1' }, 'who'))), comments(comment({ id: 'c1', target: 'b1' }, p('?'))));
    expect(listComments(doc)[0].pos).not.toBeNull();
  });

  it('keeps a thread whose target is gone, unplaced', () => {
    const doc = treaty(art(h('x')), comments(comment({ id: 'c1', target: 'nowhere' }, p('?'))));
    expect(listComments(doc)[0]).toMatchObject({ pos: null, articleId: null });
  });
});
