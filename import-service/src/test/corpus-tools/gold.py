"""Deliberately simple gold extractors for the evaluation corpus.

This is NOT the product's reader: it reads only the handful of tags whose meaning is unambiguous
(surname, year, volume, fpage/lpage, source, article-title, pub-id) and never guesses from text.
Where the markup is ambiguous the corpus builder applies hand corrections (see corrections.json).

Two markups are read:
  * JATS / NLM XML (element-citation, mixed-citation, NLM 2.x citation);
  * BioMed Central's own 'art' XML (bibl/aug/au/snm/source/pubdate/volume/fpage/lpage), which pairs some
    real BMC PDFs with their gold.

Rules (also in corpus/README.md):
  * title: article-title (or chapter-title); when a reference has neither, the work is a book or report and
    its title is the source, and journal is null.
  * journal: the source (container title) when the reference has its own article-title or chapter-title.
  * pages: fpage-lpage as marked; fpage alone; else elocation-id (an article number).
  * authorCount: names (name, string-name, collab) in the author person-group (or, with no person-group, the
    citation's direct names); 'et al.' adds nothing. null when the citation has no authors.
  * year: the first four digits of year (1999a -> 1999).
  * doi: pub-id[@pub-id-type=doi], else a doi.org link; lower-cased when compared.
"""

import re
import unicodedata
import xml.etree.ElementTree as ET

XLINK = "{http://www.w3.org/1999/xlink}"


def local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def text_of(el):
    if el is None:
        return None
    s = "".join(el.itertext())
    s = unicodedata.normalize("NFC", re.sub(r"\s+", " ", s)).strip()
    return s or None


def parse_xml(data: bytes):
    """expat never fetches the DTD; unknown named entities are replaced by a space so parsing goes on."""
    text = data.decode("utf-8")
    text = re.sub(r"<!DOCTYPE[^>\[]*(\[[^\]]*\])?>", "", text, count=1)
    known = {"amp", "lt", "gt", "quot", "apos"}
    text = re.sub(r"&([A-Za-z][A-Za-z0-9]*);", lambda m: m.group(0) if m.group(1) in known else " ", text)
    root = ET.fromstring(text)
    for el in root.iter():
        el.tag = local(el.tag)
    return root


def find(el, name):
    for c in el.iter(name):
        return c
    return None


def children(el, name):
    return [c for c in el if c.tag == name]


def year_of(s):
    if not s:
        return None
    m = re.search(r"(1[5-9]\d\d|20\d\d)", s)
    return m.group(1) if m else None


def clean(s):
    if s is None:
        return None
    s = s.strip()
    s = re.sub(r"[.,;:\s]+$", "", s)
    return s or None


def name_family(n):
    sn = find(n, "surname")
    if sn is not None:
        return text_of(sn)
    if n.tag == "collab":
        return text_of(n)
    return text_of(n)


def jats_authors(cit):
    groups = [g for g in cit if g.tag == "person-group"]
    authors_group = None
    for g in groups:
        if g.get("person-group-type", "author") == "author":
            authors_group = g
            break
    container = authors_group if authors_group is not None else (None if groups else cit)
    if container is None:
        return []
    return [c for c in container if c.tag in ("name", "string-name", "collab")]


def jats_reference(ref, index):
    cit = None
    for c in ref.iter():
        if c.tag in ("element-citation", "mixed-citation", "citation", "nlm-citation"):
            cit = c
            break
    if cit is None:
        return None
    label = text_of(find(ref, "label"))
    names = jats_authors(cit)
    article_title = None
    for tag in ("article-title", "chapter-title"):
        t = find(cit, tag)
        if t is not None:
            article_title = clean(text_of(t))
            break
    source = clean(text_of(find(cit, "source")))
    if article_title is not None:
        title, journal = article_title, source
    else:
        title, journal = source, None
    fpage = text_of(find(cit, "fpage"))
    lpage = text_of(find(cit, "lpage"))
    elocation = text_of(find(cit, "elocation-id"))
    if fpage and lpage and lpage != fpage:
        pages = fpage + "-" + lpage
    elif fpage:
        pages = fpage
    else:
        pages = elocation
    doi = None
    for pid in cit.iter("pub-id"):
        if pid.get("pub-id-type") == "doi":
            doi = text_of(pid)
            break
    if doi is None:
        for link in cit.iter("ext-link"):
            href = link.get(XLINK + "href") or text_of(link) or ""
            m = re.search(r"doi\.org/(10\.\S+)", href)
            if m:
                doi = m.group(1)
                break
    year = None
    for y in cit.iter("year"):
        year = year_of(text_of(y))
        if year:
            break
    return {
        "number": index,
        "label": label,
        "authors": [[name_family(n), text_of(find(n, "given-names"))] for n in names],
        "type": cit.get("publication-type") or cit.get("citation-type"),
        "firstAuthorFamily": name_family(names[0]) if names else None,
        "authorCount": len(names) if names else None,
        "year": year,
        "volume": clean(text_of(find(cit, "volume"))),
        "pages": clean(pages),
        "journal": journal,
        "title": title,
        "doi": clean(doi),
    }


def jats_gold(data: bytes):
    root = parse_xml(data)
    meta = find(root, "article-meta")
    title = clean(text_of(find(meta, "article-title"))) if meta is not None else None
    first = None
    if meta is not None:
        for contrib in meta.iter("contrib"):
            if contrib.get("contrib-type", "author") != "author":
                continue
            n = None
            for tag in ("name", "string-name", "collab"):
                if n is None:
                    n = find(contrib, tag)
            if n is not None:
                first = name_family(n)
                break
    refs = []
    back = find(root, "back")
    scope = back if back is not None else root
    k = 0
    for ref in scope.iter("ref"):
        k += 1
        r = jats_reference(ref, k)
        if r is not None:
            refs.append(r)
    numbered = numbered_citations(root)
    lic = None
    for l in root.iter("license"):
        lic = l.get(XLINK + "href") or text_of(l)
        break
    journal = text_of(find(root, "journal-title"))
    publisher = text_of(find(root, "publisher-name"))
    doi = None
    if meta is not None:
        for aid in meta.iter("article-id"):
            if aid.get("pub-id-type") == "doi":
                doi = text_of(aid)
    return {
        "kind": "JOURNAL_ARTICLE",
        "title": title,
        "firstAuthorFamily": first,
        "numbered": numbered,
        "references": refs,
        "meta": {"journal": journal, "publisher": publisher, "doi": doi, "licence": lic},
    }


def numbered_citations(root):
    """A reference list is numbered when its labels are numbers, or the body cites it with numbers ([1], 1-3,
    superscripts; a year is not a number here)."""
    labels = [text_of(find(r, "label")) for r in root.iter("ref")]
    labels = [l for l in labels if l]
    if labels:
        return sum(1 for l in labels if re.fullmatch(r"[\[\(]?\d{1,3}[.\]\)]?", l)) * 2 > len(labels)
    body = find(root, "body")
    texts = []
    if body is not None:
        for x in body.iter("xref"):
            if x.get("ref-type") == "bibr":
                t = text_of(x)
                if t:
                    texts.append(t)
    if not texts:
        return False
    numeric = sum(1 for t in texts if re.fullmatch(r"[\[\(]?\d{1,3}([\-–,]\s?\d{1,3})*[\]\)]?", t))
    return numeric * 2 > len(texts)


# ----- BioMed Central 'art' XML -------------------------------------------------------------------


def bmc_gold(data: bytes):
    root = parse_xml(data)
    fm = find(root, "fm")
    bibl = find(fm, "bibl")
    title = clean(text_of(find(bibl, "title")))
    first = None
    au = find(find(bibl, "aug"), "au")
    if au is not None:
        first = text_of(find(au, "snm"))
    refs = []
    refgrp = find(root, "refgrp")
    k = 0
    for b in (refgrp.iter("bibl") if refgrp is not None else []):
        k += 1
        names = []
        aug = find(b, "aug")
        if aug is not None:
            names = [a for a in aug if a.tag in ("au", "cnm")]
        fam = None
        if names:
            a = names[0]
            fam = text_of(find(a, "snm")) if a.tag == "au" else text_of(a)
        t = clean(text_of(find(b, "title")))
        source = clean(text_of(find(b, "source")))
        if t is not None:
            title_, journal = t, source
        else:
            title_, journal = source, None
        fpage, lpage = text_of(find(b, "fpage")), text_of(find(b, "lpage"))
        pages = fpage + "-" + lpage if fpage and lpage and fpage != lpage else fpage
        doi = None
        for pid in b.iter("pubid"):
            if pid.get("idtype") == "doi":
                doi = text_of(pid)
        refs.append({
            "number": k,
            "label": str(k),
            "authors": [[text_of(find(a, "snm")) if a.tag == "au" else text_of(a),
                         text_of(find(a, "fnm")) if a.tag == "au" else None] for a in names],
            "type": "journal" if journal else None,
            "firstAuthorFamily": fam,
            "authorCount": len(names) if names else None,
            "year": year_of(text_of(find(b, "pubdate"))),
            "volume": clean(text_of(find(b, "volume"))),
            "pages": clean(pages),
            "journal": journal,
            "title": title_,
            "doi": clean(doi),
        })
    return {
        "kind": "JOURNAL_ARTICLE",
        "title": title,
        "firstAuthorFamily": first,
        "numbered": True,
        "references": refs,
        "meta": {"journal": None, "publisher": "BioMed Central", "doi": None, "licence": None},
    }


# ----- reference-manager files ---------------------------------------------------------------------
# Gold for a reference file: one reference per entry, in file order, from the entry's own fields.


def _ref(number, authors, year, volume, pages, journal, title, doi, typ):
    authors = [a for a in authors if a and a[0]]
    pages = re.sub(r"\s*[-\u2013]+\s*", "-", pages.strip()) if pages else None
    if pages and re.fullmatch(r"(\w+)-\1", pages):
        pages = pages.split("-")[0]
    if doi:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
    return {
        "number": number,
        "label": None,
        "authors": authors,
        "type": typ,
        "firstAuthorFamily": authors[0][0] if authors else None,
        "authorCount": len(authors) if authors else None,
        "year": year_of(str(year)) if year else None,
        "volume": clean(str(volume)) if volume else None,
        "pages": clean(pages),
        "journal": clean(journal),
        "title": clean(title),
        "doi": clean(doi),
    }


def csl_json_gold(data: bytes):
    items = __import__("json").loads(data.decode("utf-8"))
    refs = []
    for k, it in enumerate(items, 1):
        authors = [[a.get("family") or a.get("literal"), a.get("given")] for a in it.get("author", [])]
        parts = (it.get("issued") or {}).get("date-parts") or [[None]]
        year = parts[0][0] if parts and parts[0] else None
        refs.append(_ref(k, authors, year, it.get("volume"), it.get("page"), it.get("container-title"),
                         it.get("title"), it.get("DOI"), it.get("type")))
    return {"kind": "REFERENCE_LIST", "title": None, "firstAuthorFamily": None, "numbered": False,
            "references": refs, "meta": {"journal": None, "publisher": None, "doi": None, "licence": None}}


def _bib_fields(body):
    """Splits 'key = {value}, key = "value", key = 123' at depth 0; braces and quotes nest simply."""
    fields, i, n = {}, 0, len(body)
    while i < n:
        m = re.compile(r"\s*,?\s*([A-Za-z][\w-]*)\s*=\s*").match(body, i)
        if not m:
            break
        key, i = m.group(1).lower(), m.end()
        if i < n and body[i] in "{\"":
            close = "}" if body[i] == "{" else "\""
            depth, j = 0, i
            while j < n:
                c = body[j]
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                if (close == "}" and depth == 0) or (close == "\"" and c == "\"" and j > i and depth == 0):
                    break
                j += 1
            value, i = body[i + 1:j], j + 1
        else:
            m2 = re.compile(r"[^,]*").match(body, i)
            value, i = m2.group(0), m2.end()
        fields[key] = re.sub(r"\s+", " ", value.replace("{", "").replace("}", "")).strip()
    return fields


def _bib_name(name):
    name = name.strip()
    if "," in name:
        return [name.split(",")[0].strip(), name.split(",", 1)[1].strip() or None]
    parts = name.split()
    return [parts[-1], " ".join(parts[:-1]) or None] if parts else [None, None]


def bibtex_gold(data: bytes):
    text = data.decode("utf-8-sig")
    refs = []
    for k, m in enumerate(re.finditer(r"@(\w+)\s*\{\s*[^,\s]*\s*,(.*?)\n\}", text, re.S), 1):
        f = _bib_fields(m.group(2))
        authors = [_bib_name(a) for a in re.split(r"\s+and\s+", f.get("author", "")) if a.strip()]
        refs.append(_ref(k, authors, f.get("year"), f.get("volume"), f.get("pages"),
                         f.get("journal") or f.get("booktitle"), f.get("title"), f.get("doi"), m.group(1).lower()))
    return {"kind": "REFERENCE_LIST", "title": None, "firstAuthorFamily": None, "numbered": False,
            "references": refs, "meta": {"journal": None, "publisher": None, "doi": None, "licence": None}}


def ris_gold(data: bytes):
    text = data.decode("utf-8-sig")
    refs, entry, last = [], None, None
    for line in text.splitlines():
        m = re.match(r"^([A-Z][A-Z0-9])  - ?(.*)$", line)
        if m:
            tag, value = m.group(1), m.group(2).strip()
            if tag == "TY":
                entry = {"TY": [value]}
            elif tag == "ER" and entry is not None:
                refs.append(_ris_ref(len(refs) + 1, entry))
                entry = None
            elif entry is not None:
                entry.setdefault(tag, []).append(value)
                last = tag
        elif entry is not None and last and line.startswith(" "):
            entry[last][-1] += " " + line.strip()
    return {"kind": "REFERENCE_LIST", "title": None, "firstAuthorFamily": None, "numbered": False,
            "references": refs, "meta": {"journal": None, "publisher": None, "doi": None, "licence": None}}


def _ris_ref(number, e):
    def one(*tags):
        for t in tags:
            if e.get(t):
                return e[t][0]
        return None
    authors = [_bib_name(a) if "," in a else [a, None] for a in e.get("AU", []) + e.get("A1", [])]
    sp, ep = one("SP"), one("EP")
    pages = sp + "-" + ep if sp and ep and ep != sp else sp
    return _ref(number, authors, one("PY", "Y1", "DA"), one("VL"), pages, one("T2", "JF", "JO", "JA"),
                one("TI", "T1"), one("DO"), one("TY"))
