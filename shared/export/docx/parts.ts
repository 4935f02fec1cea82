/**
 * The fixed parts of a Plenipo .docx package: content types, relationships, settings and the treaty
 * styles (black Times New Roman throughout — no Word default blue Calibri headings; article captions
 * bold and kept with their text; provisions with hanging indents whose number sits before a tab;
 * bracket sponsors in superscript; proposed deletions struck through), plus the header (symbol,
 * version label, date) and the footer (page number field).
 */
import { escapeXml } from '../xml.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** `[Content_Types].xml`. */
export const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;

/** `_rels/.rels`. */
export const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

/** `word/_rels/document.xml.rels`. */
export const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`;

/** `word/settings.xml`; `track` turns revision tracking on for further edits. */
export function settingsXml(track: boolean): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="${W}">${track ? '<w:trackRevisions/>' : ''}<w:defaultTabStop w:val="567"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;
}

/** Indentation (twentieths of a point) of a provision at `depth`: the number hangs in the first 567. */
export const INDENT_STEP = 567;

const font = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>';
const black = '<w:color w:val="000000"/>';

function paragraphStyle(id: string, name: string, pPr: string, rPr: string, extra = ''): string {
  return `<w:style w:type="paragraph"${id === 'Normal' ? ' w:default="1"' : ''} w:styleId="${id}"><w:name w:val="${name}"/>${id === 'Normal' ? '' : '<w:basedOn w:val="Normal"/>'}${extra}<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

function provisionStyles(): string {
  let out = '';
  for (let depth = 0; depth < 4; depth++) {
    const left = INDENT_STEP * (depth + 1);
    out += paragraphStyle(`Provision${depth}`, `Provision ${depth}`, `<w:tabs><w:tab w:val="left" w:pos="${left}"/></w:tabs><w:ind w:left="${left}" w:hanging="${INDENT_STEP}"/><w:jc w:val="both"/>`, '');
    out += paragraphStyle(`ProvisionText${depth}`, `Provision text ${depth}`, `<w:ind w:left="${INDENT_STEP * depth}"/><w:jc w:val="both"/>`, '');
  }
  return out;
}

/** `word/styles.xml`: the treaty styles. */
export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>${font}${black}<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>${
  paragraphStyle('Normal', 'Normal', '', `${font}${black}`)
}${paragraphStyle('Title', 'Title', '<w:keepNext/><w:spacing w:before="240" w:after="360"/><w:jc w:val="center"/>', `<w:b/>${black}<w:sz w:val="28"/>`)
}${paragraphStyle('Heading1', 'heading 1', '<w:keepNext/><w:spacing w:before="360" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/>', `<w:b/>${black}<w:sz w:val="24"/>`, '<w:next w:val="Normal"/>')
}${paragraphStyle('Heading2', 'heading 2', '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="1"/>', `<w:b/>${black}<w:sz w:val="24"/>`, '<w:next w:val="Normal"/>')
}${paragraphStyle('OptionCaption', 'Option caption', '<w:keepNext/><w:spacing w:before="120" w:after="60"/>', `<w:i/>${black}`)
}${paragraphStyle('Preamble', 'Preamble', '<w:jc w:val="both"/>', '')
}${paragraphStyle('Closing', 'Closing', '<w:spacing w:before="240"/><w:jc w:val="both"/>', '')
}${paragraphStyle('Header', 'header', '<w:tabs><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/>', '<w:sz w:val="18"/>')
}${paragraphStyle('Footer', 'footer', '<w:spacing w:after="0"/><w:jc w:val="center"/>', '<w:sz w:val="18"/>')
}${provisionStyles()}<w:style w:type="character" w:styleId="Sponsors"><w:name w:val="Sponsors"/><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr></w:style><w:style w:type="character" w:styleId="Bracket"><w:name w:val="Bracket"/><w:rPr><w:b/></w:rPr></w:style><w:style w:type="character" w:styleId="ProposedDeletion"><w:name w:val="Proposed deletion"/><w:rPr><w:strike/></w:rPr></w:style><w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:rPr><w:sz w:val="16"/></w:rPr></w:style></w:styles>`;

/** `word/header1.xml`: the document's symbol and version label on the left, its date on the right. */
export function headerXml(left: string, right: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t xml:space="preserve">${escapeXml(left)}</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">${escapeXml(right)}</w:t></w:r></w:p></w:hdr>`;
}

/** `word/footer1.xml`: the page number, centred. */
export const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>`;

/** `docProps/core.xml`: title and creator. */
export function coreXml(title: string, creator: string, isoDate: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(isoDate)}</dcterms:created></cp:coreProperties>`;
}

/** The WordprocessingML namespace and the relationships namespace. */
export const NAMESPACES = { W, R };
