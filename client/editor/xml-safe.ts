/**
 * Characters XML 1.0 cannot carry (U+0001, U+FFFE…) never enter the text: they are dropped from
 * pasted and typed text before the edit is made, so the server (which refuses them, keeping every
 * export well-formed) never has to refuse an edit of the editor's.
 */
import { Fragment, Slice, type Node } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import { isXmlText, stripNonXmlChars } from '../../shared/model/index.ts';

function clean(fragment: Fragment): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.isText) {
      const text = stripNonXmlChars(node.text!);
      if (text) nodes.push(node.type.schema.text(text, node.marks));
    } else nodes.push(node.copy(clean(node.content)));
  });
  return Fragment.fromArray(nodes);
}

/** The plugin dropping non-XML characters from pasted and typed text. */
export function xmlSafeTextPlugin(): Plugin {
  return new Plugin({
    key: new PluginKey('xmlSafeText'),
    props: {
      transformPastedText: (text) => stripNonXmlChars(text),
      transformPasted: (slice) => new Slice(clean(slice.content), slice.openStart, slice.openEnd),
      handleTextInput(view, from, to, text) {
        if (isXmlText(text)) return false;
        const kept = stripNonXmlChars(text);
        if (kept) view.dispatch(view.state.tr.insertText(kept, from, to));
        return true;
      },
    },
  });
}
