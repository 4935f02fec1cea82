import { describe, it, expect } from 'vitest';
import { listProposals, proposalCounts, proposalKind } from '../shared/model/index.ts';
import { treaty, article, heading, paragraph, plain, br } from './helpers/bracket-builders.ts';

const doc = treaty(
  article({ id: 'a1' }, heading('Definitions'),
    plain({ id: 'l1' }, 'send ', br('s', 'FR', 'g1')('spam'), ' ', br('u', 'US', 'g1')('unsolicited messages'), ' or ', br('i', 'KE')('junk'), '.'),
    plain({ id: 'l2' }, 'the ', br('d', 'KE', null, 'delete')('serious'), br('r', 'KE')('grave'), ' harm'),
    plain({ id: 'l3' }, 'alone ', br('x', 'DE', 'g9')('lonely'))),
  article({ id: 'a2' }, heading('Scope'), paragraph({ id: 'p9', bracket: 'bd', sponsors: ['FR'], bracketKind: 'delete' }, plain('Old.'))),
);

describe('listProposals', () => {
  it('lists inline alternatives sharing a group as one entry with its options', () => {
    const group = listProposals(doc).find((b) => b.id === 'g1')!;
    expect(group).toMatchObject({ kind: 'alternatives', group: 'g1', sponsors: ['FR', 'US'], articleId: 'a1' });
    expect(group.options).toEqual([
      { id: 's', label: 'Option 1', text: 'spam', sponsors: ['FR'], markKind: 'insert' },
      { id: 'u', label: 'Option 2', text: 'unsolicited messages', sponsors: ['US'], markKind: 'insert' },
    ]);
    expect(listProposals(doc).map((b) => b.id)).not.toContain('s');
  });

  it('lists the insertion, deletion and replacement that typing and deleting create, with their kind', () => {
    const byId = new Map(listProposals(doc).map((b) => [b.id, b]));
    expect(proposalKind(byId.get('i')!)).toBe('insert');
    expect(proposalKind(byId.get('d')!)).toBe('delete');
    expect(proposalKind(byId.get('r')!)).toBe('insert');
    expect(proposalKind(byId.get('bd')!)).toBe('delete');
    expect(proposalKind(byId.get('g1')!)).toBe('alternatives');
    expect(byId.get('d')).toMatchObject({ text: 'serious', sponsors: ['KE'] });
  });

  it('lists a group left with one member as that bracket', () => {
    expect(listProposals(doc).find((b) => b.id === 'x')).toMatchObject({ kind: 'inline', group: 'g9' });
  });

  it('counts inline alternatives once per article', () => {
    expect(proposalCounts(doc).get('a1')).toBe(5);
    expect(proposalCounts(doc).get('a2')).toBe(1);
  });
});
