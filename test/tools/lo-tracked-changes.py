#!/usr/bin/python3
"""Open .docx files in LibreOffice (headless, through UNO) and report what Word's reviewers would see.

Usage: /usr/bin/python3 test/tools/lo-tracked-changes.py FILE.docx [FILE.docx ...]

One soffice process serves every file (started here on a private pipe and user profile, ended at
the end). For each file the script prints, as one JSON object keyed by the file name:
  - "redlines": every tracked change as LibreOffice imported it: type, author, date (ISO), text;
  - "accept": the paragraphs after .uno:AcceptAllTrackedChanges;
  - "reject": the paragraphs after .uno:RejectAllTrackedChanges (on a fresh load);
  - "comments": the annotations: author, content, the text they are anchored on;
  - "headers" / "footers": the text of the headers and footers of the page styles in use.
Paragraphs are the body's paragraphs in order (table cells included, one entry per cell paragraph).
"""
import json
import re
import zipfile
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
    deadline = time.time() + 90
    while True:
        try:
            ctx = resolver.resolve(f'uno:pipe,name={pipe};urp;StarOffice.ComponentContext')
            return ctx
        except Exception:
            if proc.poll() is not None:
                raise RuntimeError(f'soffice exited with code {proc.returncode} before accepting connections')
            if time.time() > deadline:
                raise RuntimeError('soffice did not accept a UNO connection within 90 s')
            time.sleep(0.2)


def log(message):
    if os.environ.get('PLENIPO_LO_DEBUG'):
        print(message, file=sys.stderr, flush=True)


def session(pipe, proc):
    """Desktop and DispatchHelper of the soffice on `pipe`. A fresh profile makes soffice restart
    once after creating it, which disposes the first bridge: wait until a connection survives a call."""
    for attempt in range(5):
        ctx = connect(pipe, proc)
        try:
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
            dispatcher = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
            desktop.getComponents()
            time.sleep(1)
            desktop.getComponents()
            return desktop, dispatcher, smgr, ctx
        except Exception as error:
            log(f'connection attempt {attempt + 1} lost: {error}')
            time.sleep(1)
    raise RuntimeError('soffice kept dropping the UNO connection')


def paragraphs(text):
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService('com.sun.star.text.Paragraph'):
            out.append(el.getString())
        elif el.supportsService('com.sun.star.text.TextTable'):
            for name in el.getCellNames():
                out.extend(paragraphs(el.getCellByName(name)))
    return out


def iso(dt):
    return f'{dt.Year:04d}-{dt.Month:02d}-{dt.Day:02d}T{dt.Hours:02d}:{dt.Minutes:02d}:{dt.Seconds:02d}Z'


def redlines(doc):
    out = []
    enum = doc.getRedlines().createEnumeration()
    while enum.hasMoreElements():
        r = enum.nextElement()
        try:
            text = r.getAnchor().getString() if hasattr(r, 'getAnchor') else ''
        except Exception:
            text = ''
        out.append({
            'type': r.getPropertyValue('RedlineType'),
            'author': r.getPropertyValue('RedlineAuthor'),
            'date': iso(r.getPropertyValue('RedlineDateTime')),
            'text': text,
        })
    return out


def comments(doc):
    out = []
    enum = doc.getTextFields().createEnumeration()
    while enum.hasMoreElements():
        f = enum.nextElement()
        if not f.supportsService('com.sun.star.text.textfield.Annotation'):
            continue
        out.append({'author': f.getPropertyValue('Author'), 'content': f.getPropertyValue('Content'), 'anchor': f.getAnchor().getString()})
    return out


def headers_footers(doc):
    used = set()
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        try:
            name = el.getPropertyValue('PageDescName')
            if name:
                used.add(name)
        except Exception:
            pass
    styles = doc.getStyleFamilies().getByName('PageStyles')
    headers, footers = [], []
    for name in sorted(used) or ['Standard']:
        if not styles.hasByName(name):
            continue
        style = styles.getByName(name)
        if style.getPropertyValue('HeaderIsOn'):
            headers.append(style.getPropertyValue('HeaderText').getString())
        if style.getPropertyValue('FooterIsOn'):
            footer = style.getPropertyValue('FooterText')
            fields = []
            fe = footer.createEnumeration()
            while fe.hasMoreElements():
                portions = fe.nextElement().createEnumeration()
                while portions.hasMoreElements():
                    portion = portions.nextElement()
                    if portion.getPropertyValue('TextPortionType') == 'TextField':
                        fields.append(portion.getPropertyValue('TextField').getImplementationName())
            footers.append({'text': footer.getString(), 'fields': fields})
    return headers, footers


def load(desktop, path):
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    doc = desktop.loadComponentFromURL(url, '_blank', 0, (prop('Hidden', True), prop('ReadOnly', False)))
    if doc is None:
        raise RuntimeError(f'LibreOffice could not open {path}')
    return doc


def load_model(smgr, ctx, path):
    """The document model alone, without a frame or view (so no comment window is ever built)."""
    doc = smgr.createInstanceWithContext('com.sun.star.text.TextDocument', ctx)
    doc.load((prop('URL', uno.systemPathToFileUrl(os.path.abspath(path))), prop('FilterName', 'MS Word 2007 XML')))
    return doc


def without_comments(path, out):
    """A copy of the .docx without its comment anchors: Debian's libreoffice-writer-nogui lacks the
    comment window's UI file and aborts when a document with comments gets a view, which the
    Accept All / Reject All dispatch needs. Comments never change the text, so accept/reject are unaffected."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == 'word/document.xml':
                text = data.decode('utf-8')
                text = re.sub(r'<w:commentRange(?:Start|End)\b[^>]*/>', '', text)
                text = re.sub(r'<w:r>(?:<w:rPr>(?:(?!</w:rPr>).)*</w:rPr>)?<w:commentReference\b[^>]*/></w:r>', '', text)
                data = text.encode('utf-8')
            dst.writestr(item, data)


def after(desktop, dispatcher, path, command):
    doc = load(desktop, path)
    try:
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(frame, command, '', 0, ())
        return paragraphs(doc.getText())
    finally:
        doc.close(True)


def main(files):
    profile = tempfile.mkdtemp(prefix='plenipo-lo-')
    pipe = f'plenipo{os.getpid()}'
    proc = subprocess.Popen([
        'soffice', f'-env:UserInstallation=file://{profile}', '--headless', '--invisible', '--nologo', '--norestore',
        '--nodefault', '--nolockcheck', f'--accept=pipe,name={pipe};urp;StarOffice.ComponentContext',
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    report = {}
    try:
        desktop, dispatcher, smgr, ctx = session(pipe, proc)
        for original in files:
            # A private copy: a lock file left next to the original by a killed run cannot block the load.
            path = os.path.join(profile, os.path.basename(original))
            shutil.copyfile(original, path)
            log(f'{path}: open')
            doc = load_model(smgr, ctx, path)
            try:
                entry = {'redlines': redlines(doc), 'comments': comments(doc), 'paragraphs': paragraphs(doc.getText())}
                entry['headers'], entry['footers'] = headers_footers(doc)
            finally:
                doc.close(True)
            plain = path + '.nocomments.docx'
            without_comments(path, plain)
            entry['accept'] = after(desktop, dispatcher, plain, '.uno:AcceptAllTrackedChanges')
            entry['reject'] = after(desktop, dispatcher, plain, '.uno:RejectAllTrackedChanges')
            report[os.path.basename(path)] = entry
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(report, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit('usage: lo-tracked-changes.py FILE.docx [FILE.docx ...]')
    main(sys.argv[1:])
