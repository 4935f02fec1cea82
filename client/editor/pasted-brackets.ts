/**
 * Pasted bracket marks never carry an existing bracket's id or no sponsors at all: in what is
 * pasted, a bracket mark without sponsors is dropped (its words come in as plain text), and one
 * whose id the document already has gets a fresh id, keeping its sponsors, kind and group (a copy
 * of a proposal is a new proposal, not a second run of the old one). This matters for the chair
 * and the secretariat, whose pastes are made as pasted; a delegate's paste becomes its own
 * proposal anyway (suggesting mode drops every pasted bracket mark).
 */
import { Fragment, Slice, type Mark, type Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { newId, sponsorsOf } from '../../shared/model/index.ts';

/** Ids of every inline bracket in `doc`. */
function bracketIds(doc: Node): Set<string> {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) if (mark.type.name === 'bracket' && mark.attrs.id != null) ids.add(String(mark.attrs.id));
    return true;
  });
  return ids;
}

/** `fragment` with its bracket marks made safe against the document's bracket ids `taken`. */
function safeBrackets(fragment: Fragment, taken: Set<string>, renamed: Map<string, Mark>): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (!node.isInline) {
      nodes.push(node.copy(safeBrackets(node.content, taken, renamed)));
      return;
    }
    const marks: Mark[] = [];
    for (const mark of node.marks) {
      if (mark.type.name !== 'bracket') marks.push(mark);
      else if (sponsorsOf(mark.attrs.sponsors).length === 0) continue;
      else if (mark.attrs.id == null || taken.has(String(mark.attrs.id))) {
        const key = String(mark.attrs.id ?? '');
        let fresh = renamed.get(key);
        if (!fresh) renamed.set(key, (fresh = mark.type.create({ ...mark.attrs, id: newId('br') })));
        marks.push(fresh);
      } else marks.push(mark);
    }
    nodes.push(node.mark(marks));
  });
  return Fragment.fromArray(nodes);
}

/** The plugin making pasted bracket marks safe (see the module comment). */
export function pastedBracketsPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('pastedBrackets'),
    props: {
      transformPasted: (slice, view) => new Slice(safeBrackets(slice.content, bracketIds(view.state.doc), new Map()), slice.openStart, slice.openEnd),
    },
  });
}
