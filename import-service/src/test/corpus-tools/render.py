"""Renders a JATS article to a two-column PDF whose reference list is printed from the gold itself, so the PDF's
gold is exact by construction.

The page looks like a journal's: a banner on the first page, running headers with the journal, year, first author
and page number, a download stamp in the footer, a one-column title block and abstract, then two columns of body
text and references. Styles: 'vancouver' (numbered, NLM order: Surname AB, ... Title. Journal. Year;Vol:pages.
doi:...) and 'apa' (author-year: Surname, A. B., & Surname, C. (Year). Title. Journal, Vol, pages.
https://doi.org/...). The document is LibreOffice flat ODT converted with 'soffice --headless --convert-to pdf'.
"""

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

import gold

BODY_PARAGRAPHS = 10
BODY_CHARS = 9000

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 <style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="9.5pt" fo:language="en" fo:country="US"
   fo:hyphenate="true" fo:hyphenation-remain-char-count="3" fo:hyphenation-push-char-count="3"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.12cm"/>
 </style:style>
 <style:style style:name="Banner" style:family="paragraph">
  <style:paragraph-properties fo:background-color="#1f4e79" fo:padding="0.15cm" fo:margin-bottom="0.3cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="13pt" fo:font-weight="bold" fo:color="#ffffff"/>
 </style:style>
 <style:style style:name="Kind" style:family="paragraph">
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="8pt" fo:color="#1f4e79" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="17pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Byline" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.3cm"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt"/>
 </style:style>
 <style:style style:name="Abstract" style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.4cm" fo:background-color="#eef3f8" fo:padding="0.2cm"/>
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.25cm" fo:margin-bottom="0.1cm" fo:keep-with-next="always"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="10.5pt" fo:font-weight="bold" fo:color="#1f4e79"/>
 </style:style>
 <style:style style:name="Reference" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.45cm" fo:text-indent="-0.45cm" fo:margin-bottom="0.08cm" fo:text-align="start"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="17cm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="7.5pt" fo:color="#555555"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Liberation Sans" fo:font-size="6.5pt" fo:color="#777777"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Cols" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties>
 </style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm"
   fo:margin-bottom="1.2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
"""


def initials(given, dots):
    if not given:
        return ""
    if re.fullmatch(r"[A-Z]{1,4}", given):
        parts = list(given)
    else:
        parts = re.split(r"[\s.]+", given.replace("-", " - "))
    letters = [p[0] for p in parts if p and p != "-"]
    if dots:
        return " ".join(l + "." for l in letters)
    return "".join(letters)


def vancouver_authors(authors):
    names = [f"{f} {initials(g, False)}".strip() for f, g in authors]
    if len(names) > 6:
        return ", ".join(names[:6]) + ", et al"
    return ", ".join(names)


def apa_authors(authors):
    names = [f"{f}, {initials(g, True)}".strip().rstrip(",") for f, g in authors]
    if len(names) > 20:
        return ", ".join(names[:19]) + ", ... " + names[-1]
    if len(names) >= 2:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return names[0] if names else ""


def vancouver_pages(p):
    m = re.fullmatch(r"(\d+)-(\d+)", p or "")
    if not m or len(m.group(1)) != len(m.group(2)):
        return p
    a, b = m.group(1), m.group(2)
    k = 0
    while k < len(a) - 1 and a[k] == b[k]:
        k += 1
    return a + "-" + b[k:]


def end(s):
    return s if s.endswith((".", "?", "!")) else s + "."


def reference_vancouver(r):
    parts = []
    if r["authors"]:
        parts.append(vancouver_authors(r["authors"]) + ".")
    if r["title"]:
        parts.append(end(escape(r["title"])))
    tail = ""
    if r["journal"]:
        tail = escape(r["journal"]) + "."
    if r["year"]:
        tail += " " + r["year"]
    if r["volume"]:
        tail += ";" + escape(r["volume"])
    if r["pages"]:
        tail += ":" + escape(vancouver_pages(r["pages"]) if r["journal"] else r["pages"])
    if tail:
        parts.append(tail.strip() + ".")
    if r["doi"]:
        parts.append("doi:" + escape(r["doi"]))
    return f"{r['number']}. " + " ".join(parts)


def reference_apa(r):
    parts = []
    if r["authors"]:
        parts.append(escape(end(apa_authors(r["authors"]))))
    parts.append(f"({r['year']})." if r["year"] else "(n.d.).")
    if r["title"]:
        title = escape(end(r["title"]))
        parts.append(title if r["journal"] else f'<text:span text:style-name="I">{title}</text:span>')
    if r["journal"]:
        j = f'<text:span text:style-name="I">{escape(r["journal"])}</text:span>'
        if r["volume"]:
            j += f', <text:span text:style-name="I">{escape(r["volume"])}</text:span>'
        if r["pages"]:
            j += ", " + escape(r["pages"].replace("-", "\u2013"))
        parts.append(j + ".")
    elif r["pages"]:
        parts.append(escape(r["pages"]) + ".")
    if r["doi"]:
        parts.append("https://doi.org/" + escape(r["doi"]))
    return " ".join(parts)


def citation_text(refs_by_id, rid, style):
    r = refs_by_id.get(rid)
    if r is None:
        return None
    if style == "vancouver":
        return str(r["number"])
    fam = r["firstAuthorFamily"] or (r["title"] or "Anon")[:20]
    n = r["authorCount"] or 1
    who = fam if n == 1 else (f"{fam} & {r['authors'][1][0]}" if n == 2 else f"{fam} et al.")
    return f"{who}, {r['year'] or 'n.d.'}"


def paragraph_text(p, refs_by_id, style):
    """Text of a body paragraph with its bibliographic citations re-printed in the chosen style."""
    out = [escape(p.text or "")]
    for c in p:
        if c.tag == "xref" and c.get("ref-type") == "bibr":
            t = citation_text(refs_by_id, c.get("rid"), style)
            if t is not None:
                out.append(f"[{t}]" if style == "vancouver" else f"({escape(t)})")
        elif c.tag in ("fig", "table-wrap", "disp-formula", "supplementary-material"):
            pass
        else:
            out.append(escape(gold.text_of(c) or ""))
        out.append(escape(c.tail or ""))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def body_blocks(root, refs_by_id, style):
    body = gold.find(root, "body")
    blocks, chars = [], 0
    if body is None:
        return blocks
    for el in body.iter():
        if el.tag == "sec":
            t = gold.find(el, "title")
            if t is not None and gold.text_of(t):
                blocks.append(("Heading", escape(gold.text_of(t))))
        elif el.tag == "p":
            text = paragraph_text(el, refs_by_id, style)
            if len(text) > 40:
                blocks.append(("Standard", text))
                chars += len(text)
        if chars > BODY_CHARS or sum(1 for b in blocks if b[0] == "Standard") >= BODY_PARAGRAPHS:
            break
    # drop heading runs left without a paragraph after them
    cleaned = []
    for i, b in enumerate(blocks):
        if b[0] == "Heading" and (i + 1 == len(blocks) or blocks[i + 1][0] == "Heading"):
            continue
        cleaned.append(b)
    return cleaned


def raw_citation(ref):
    for c in ref.iter():
        if c.tag in ("element-citation", "mixed-citation", "citation", "nlm-citation"):
            return gold.text_of(c)
    return None


def render(data: bytes, g: dict, style: str, pdf: Path, publisher: str):
    root = gold.parse_xml(data)
    ids = []
    back = gold.find(root, "back")
    for ref in (back if back is not None else root).iter("ref"):
        ids.append(ref.get("id"))
    refs_by_id = {}
    for r in g["references"]:
        if r["number"] - 1 < len(ids):
            refs_by_id[ids[r["number"] - 1]] = r
    meta = g["meta"]
    journal = meta["journal"] or publisher
    year = gold.text_of(gold.find(gold.find(root, "article-meta"), "year")) or ""
    volume = gold.text_of(gold.find(gold.find(root, "article-meta"), "volume")) or ""
    first = g["firstAuthorFamily"] or ""
    authors = []
    for contrib in gold.find(root, "article-meta").iter("contrib"):
        if contrib.get("contrib-type", "author") == "author":
            n = gold.find(contrib, "name")
            if n is not None:
                authors.append(f"{gold.text_of(gold.find(n, 'given-names')) or ''} {gold.text_of(gold.find(n, 'surname'))}".strip())
            else:
                c = gold.find(contrib, "collab")
                if c is not None:
                    authors.append(gold.text_of(c))
    abstract = gold.text_of(gold.find(root, "abstract")) or ""
    header = (f"{escape(journal)} | {escape(year)} | Volume {escape(volume)}" + (f" | {escape(first)} et al." if first else "")
              + '<text:tab/>Page <text:page-number text:select-page="current">1</text:page-number>')
    footer = (f"Downloaded from the corpus of Refractory Atlas | {escape(meta['doi'] or '')} | "
              + "rendered for evaluation, " + ("Vancouver" if style == "vancouver" else "APA") + " style")
    x = [HEAD, "<office:master-styles>",
         '<style:master-page style:name="Standard" style:page-layout-name="pm1">',
         f'<style:header><text:p text:style-name="Header">{header}</text:p></style:header>',
         f'<style:footer><text:p text:style-name="Footer">{footer}</text:p></style:footer>',
         "</style:master-page></office:master-styles>", "<office:body><office:text>",
         f'<text:p text:style-name="Banner">{escape(journal.upper())}</text:p>',
         f'<text:p text:style-name="Kind">OPEN ACCESS | RESEARCH ARTICLE</text:p>',
         f'<text:p text:style-name="Title">{escape(g["title"] or "")}</text:p>',
         f'<text:p text:style-name="Byline">{escape(", ".join(authors))}</text:p>']
    if abstract:
        x.append(f'<text:p text:style-name="Abstract">{escape(abstract[:1800])}</text:p>')
    x.append('<text:section text:style-name="Cols" text:name="Body">')
    for kind, text in body_blocks(root, refs_by_id, style):
        x.append(f'<text:p text:style-name="{kind}">{text}</text:p>')
    x.append('<text:p text:style-name="Heading">References</text:p>')
    raw_by_number = {}
    for k, rid in enumerate(ids):
        for ref in root.iter("ref"):
            if ref.get("id") == rid:
                raw_by_number[k + 1] = raw_citation(ref)
                break
    for r in g["references"]:
        if not r["labelled"]:
            raw = escape(raw_by_number.get(r["number"]) or "")
            line = f"{r['number']}. {raw}" if style == "vancouver" else raw
        else:
            line = reference_vancouver(r) if style == "vancouver" else reference_apa(r)
        x.append(f'<text:p text:style-name="Reference">{line}</text:p>')
    x.append("</text:section></office:text></office:body></office:document>\n")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (pdf.stem + ".fodt")
        src.write_text("\n".join(x), encoding="utf-8")
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)], check=True, capture_output=True,
                       timeout=180)
        shutil.copyfile(Path(tmp) / (pdf.stem + ".pdf"), pdf)
