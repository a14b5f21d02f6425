#!/usr/bin/env python3
"""Builds the evaluation corpus under src/test/resources/corpus from snapshots of public repositories.

Run by hand (never by the tests), from import-service/:
    python3 src/test/corpus-tools/build_corpus.py [--only ID ...]

Needs: git snapshots of the source repositories (paths in SOURCES below, MIRROR env var), pdftotext (poppler-utils)
and, for the rendered PDFs, LibreOffice (soffice). The output (documents, pdftotext text, gold) is committed, so the
tests need none of these tools.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import gold  # noqa: E402
import render  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "resources" / "corpus"
MIRROR = Path(os.environ.get("MIRROR", "/work/.mirror"))
CORRECTIONS = json.loads((HERE / "corrections.json").read_text())

NORMA = ("ContentMine/norma", "2970a4d172ef3f128647165613b58251ea1e6b70")
PLOS = ("PLOS/allofplos", "07fdeed848b2816a7fbf7da6418ef6e2076e1960")
NP = "src/test/resources/org/xmlcml/norma/"

# id, (repo, commit), xml path, markup, pdf path or None, publisher, renders (style list)
ENTRIES = [
    # PLOS (allofplos starter corpus): JATS only, several rendered to two-column PDFs
    ("plos-pmed-0020007", PLOS, "allofplos/starter_corpus/journal.pmed.0020007.xml", "jats", None, "PLOS", ["vancouver"]),
    ("plos-pbio-1001636", PLOS, "allofplos/starter_corpus/journal.pbio.1001636.xml", "jats", None, "PLOS", []),
    ("plos-pone-0040259", PLOS, "allofplos/starter_corpus/journal.pone.0040259.xml", "jats", None, "PLOS", ["apa"]),
    ("plos-pgen-1003316", PLOS, "allofplos/starter_corpus/journal.pgen.1003316.xml", "jats", None, "PLOS", ["vancouver"]),
    ("plos-pmed-1000097", PLOS, "allofplos/starter_corpus/journal.pmed.1000097.xml", "jats", None, "PLOS", []),
    ("plos-pgen-1000052", PLOS, "allofplos/starter_corpus/journal.pgen.1000052.xml", "jats", None, "PLOS", ["apa"]),
    ("plos-pone-0008915", PLOS, "allofplos/starter_corpus/journal.pone.0008915.xml", "jats", None, "PLOS", []),
    ("plos-pcbi-1000589", PLOS, "allofplos/starter_corpus/journal.pcbi.1000589.xml", "jats", None, "PLOS", ["vancouver"]),
    ("plos-pone-0055490", PLOS, "allofplos/starter_corpus/journal.pone.0055490.xml", "jats", None, "PLOS", []),
    ("plos-pone-0036880", PLOS, "allofplos/starter_corpus/journal.pone.0036880.xml", "jats", None, "PLOS", ["vancouver"]),
    ("plos-pcbi-1004113", PLOS, "allofplos/starter_corpus/journal.pcbi.1004113.xml", "jats", None, "PLOS", []),
    ("plos-pmed-1001518", PLOS, "allofplos/starter_corpus/journal.pmed.1001518.xml", "jats", None, "PLOS", ["apa"]),
    ("plos-pbio-1001315", PLOS, "allofplos/starter_corpus/journal.pbio.1001315.xml", "jats", None, "PLOS", []),
    ("plos-pntd-0001969", PLOS, "allofplos/starter_corpus/journal.pntd.0001969.xml", "jats", None, "PLOS", ["vancouver"]),
    ("plos-ppat-1002247", PLOS, "allofplos/starter_corpus/journal.ppat.1002247.xml", "jats", None, "PLOS", []),
    # PubMed Central (Europe PMC full text) articles of several publishers, from ContentMine/norma
    ("pmc-4417228-bmc", NORMA, NP + "miscfiles/cproject/PMC4417228/fulltext.xml", "jats",
     NP + "miscfiles/cproject/PMC4417228/fulltext.pdf", "BioMed Central", []),
    ("pmc-4521097-springer", NORMA, NP + "miscfiles/cproject/PMC4521097/fulltext.xml", "jats",
     NP + "miscfiles/cproject/PMC4521097/fulltext.pdf", "Springer", []),
    ("pmc-4632522-royalsoc", NORMA, NP + "miscfiles/cproject/PMC4632522/fulltext.xml", "jats",
     NP + "miscfiles/cproject/PMC4632522/fulltext.pdf", "PMC", ["vancouver"]),
    ("f1000-3-190", NORMA, NP + "pubstyle/f1000research/3-190/fulltext.xml", "jats",
     NP + "pubstyle/f1000research/3-190/fulltext.pdf", "F1000Research", []),
    ("f1000-3-305", NORMA, NP + "pubstyle/f1000research/3-305/fulltext.xml", "jats",
     NP + "pubstyle/f1000research/3-305/fulltext.pdf", "F1000Research", []),
    ("frontiers-fpsyg-05-01582", NORMA, NP + "pubstyle/frontiers/fpsyg-05-01582/fulltext.xml", "jats",
     NP + "pubstyle/frontiers/fpsyg-05-01582/fulltext.pdf", "Frontiers", []),
    ("mdpi-metabolites-04-00932", NORMA, NP + "pubstyle/mdpi/04-00932/fulltext.xml", "jats",
     NP + "pubstyle/mdpi/04-00932/fulltext.pdf", "MDPI", []),
    ("plos-pone-0115884", NORMA, NP + "pubstyle/plosone/journal.pone.0115884/fulltext.xml", "jats",
     NP + "pubstyle/plosone/journal.pone.0115884/fulltext.pdf", "PLOS", []),
    ("elife-04407", NORMA, NP + "pubstyle/elife/e04407/fulltext.xml", "jats", None, "eLife", ["apa"]),
    ("peerj-727", NORMA, NP + "pubstyle/peerj/727/fulltext.xml", "jats", None, "PeerJ", []),
    ("pensoft-zookeys-4478", NORMA, NP + "pubstyle/pensoft/4478/fulltext.xml", "jats", None, "Pensoft", []),
    ("pmc-4036788-cdc", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4036788/fulltext.xml", "jats", None, "CDC", []),
    ("pmc-4059924-nature", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4059924/fulltext.xml", "jats", None,
     "Nature Publishing Group", ["vancouver"]),
    ("pmc-4060021-peerj", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4060021/fulltext.xml", "jats", None, "PeerJ", []),
    ("pmc-4041896-bmc", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4041896/fulltext.xml", "jats", None,
     "BioMed Central", []),
    ("pmc-4055171-bmc", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4055171/fulltext.xml", "jats", None,
     "BioMed Central", ["apa"]),
    ("pmc-4094618-sbg", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4094618/fulltext.xml", "jats", None,
     "Sociedade Brasileira de Genetica", []),
    ("pmc-4203074-rsp", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4203074/fulltext.xml", "jats", None,
     "Revista de Saude Publica", []),
    ("pmc-4204058-jstm", NORMA, NP + "pubstyle/getpapers/anopheles/PMC4204058/fulltext.xml", "jats", None,
     "Japanese Society of Tropical Medicine", []),
    # BioMed Central PDFs whose gold comes from BMC's own article XML (not JATS: the XML is not a corpus document)
    ("bmc-trials-16-1-1", NORMA, "examples/http_www.trialsjournal.com_content_16_1_1/fulltext.xml", "bmc",
     "examples/http_www.trialsjournal.com_content_16_1_1/fulltext.pdf", "BioMed Central", []),
    ("bmc-trials-16-1-2", NORMA, "examples/http_www.trialsjournal.com_content_16_1_2/fulltext.xml", "bmc",
     "examples/http_www.trialsjournal.com_content_16_1_2/fulltext.pdf", "BioMed Central", []),
    ("bmc-trials-16-1-50", NORMA, "examples/http_www.trialsjournal.com_content_16_1_50/fulltext.xml", "bmc",
     "examples/http_www.trialsjournal.com_content_16_1_50/fulltext.pdf", "BioMed Central", []),
    ("bmc-trials-15-1-511", NORMA, NP + "pubstyle/bmc/http_www.trialsjournal.com_content_15_1_511/fulltext.xml", "bmc",
     NP + "pubstyle/bmc/http_www.trialsjournal.com_content_15_1_511/fulltext.pdf", "BioMed Central", []),
    ("bmc-evolbiol-14-70", NORMA, NP + "pubstyle/bmc/1471-2148-14-70/fulltext.xml", "bmc",
     NP + "pubstyle/bmc/1471-2148-14-70/fulltext.pdf", "BioMed Central", []),
]

IAV = ("tengann/IAV_PPI_Graph_Embedding_Review", "e0c5090a66b3dfcffd80eb7da7786ed2d00a86be")
REPHETIO = ("dhimmel/rephetio-manuscript", "aad857607955d1c20b2dc0742d2cfd96cf788167")
KGREVIEW = ("greenelab/knowledge-graph-review", "a09e874f90328073f260b072c47889648046d0f7")

# Reference-manager files: id, (repo, commit), path, format, split, part (None, or which half of the entries), licence
REF_FILES = [
    ("rephetio-csl", REPHETIO, "content/manual-references-freeze.json", "CSL_JSON", "holdout", None,
     "CC BY 4.0 (repository LICENSE.md)"),
    ("kg-review-csl", KGREVIEW, "content/manual-references.json", "CSL_JSON", "dev", None,
     "CC BY 4.0 (repository LICENSE.md)"),
    ("iav-review-bib-a", IAV, "GraphEmbedding_ReviewPaper_Refs.bib", "BIBTEX", "dev", 0, None),
    ("iav-review-bib-b", IAV, "GraphEmbedding_ReviewPaper_Refs.bib", "BIBTEX", "holdout", 1, None),
    ("iav-review-ris-a", IAV, "references.ris", "RIS", "dev", 0, None),
    ("iav-review-ris-b", IAV, "references.ris", "RIS", "holdout", 1, None),
]
IAV_LICENCE = ("no licence file in the repository: bibliographic records (facts) only; abstracts were removed, and the "
               "export's entries were split in two halves (a: dev, b: holdout)")

FIELDS = ["firstAuthorFamily", "authorCount", "year", "volume", "pages", "journal", "title", "doi"]
MIN_REFERENCES = 5


def git_show(repo, commit, path):
    d = MIRROR / repo.replace("/", "+") / "repo"
    return subprocess.run(["git", "--git-dir", str(d), "show", f"{commit}:{path}"], check=True,
                          capture_output=True).stdout


# Renders added to dev articles after the splits were drawn: kept out of ENTRIES so that split_of (which counts
# entries by kind) gives every article the split it had.
LATE_RENDERS = {"plos-pbio-1001315": ["apa"], "pmc-4036788-cdc": ["vancouver"], "peerj-727": ["apa"],
                "plos-pmed-1000097": ["vancouver"], "plos-pone-0055490": ["apa"]}


def split_of(index):
    """Alternates within each kind of entry (JATS only, with a real PDF, rendered), in list order (grouped by
    publisher), so that both splits hold about half of each kind and see most publishers."""
    entry = ENTRIES[index]
    category = (entry[3], entry[4] is not None, bool(entry[6]))
    rank = sum(1 for e in ENTRIES[:index] if (e[3], e[4] is not None, bool(e[6])) == category)
    return "holdout" if rank % 2 == 0 else "dev"


def pdftotext(pdf: Path, out: Path, *flags):
    subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, str(pdf), str(out)], check=True)


def squash(s):
    s = unicodedata.normalize("NFKC", s).lower()
    return re.sub(r"[^0-9a-z\u00c0-\u024f\u0370-\u03ff]", "", s)


def abbreviated_pages(pages):
    m = re.fullmatch(r"(\w*?)(\d+)-(\w*?)(\d+)", pages or "")
    if not m or len(m.group(4)) != len(m.group(2)):
        return None
    first, last = m.group(2), m.group(4)
    k = 0
    while k < len(first) - 1 and first[k] == last[k]:
        k += 1
    return m.group(1) + first + "-" + m.group(3) + last[k:]


def unprinted_fields(references, text):
    """Fields of the markup's gold that the PDF does not print (checked in its pdftotext text): left out of that
    PDF's evaluation, since no reader can find them there."""
    flat = squash(text)
    out = {}
    for r in references:
        missing = []
        for f in FIELDS:
            v = r.get(f)
            if v is None or f == "authorCount":
                continue
            candidates = [str(v)]
            if f == "pages":
                a = abbreviated_pages(v)
                if a:
                    candidates.append(a)
                    candidates.append(re.sub(r"-[A-Za-z]+", "-", a))
            if not any(squash(c) and squash(c) in flat for c in candidates):
                missing.append(f)
        if r.get("authorCount") and r.get("title") and r.get("firstAuthorFamily"):
            t = flat.find(squash(r["title"])[:60])
            if t < 0:
                missing.append("authorCount")
            else:
                window = flat[max(0, t - 400):t]
                a = window.rfind(squash(r["firstAuthorFamily"]))
                if a < 0 or "etal" in window[a:]:
                    missing.append("authorCount")
        if missing:
            out[str(r["number"])] = missing
    return out


def apply_corrections(doc_id, g):
    fix = CORRECTIONS.get(doc_id, {})
    for k, v in fix.get("document", {}).items():
        g[k] = v
    for num, fields in fix.get("references", {}).items():
        for r in g["references"]:
            if str(r["number"]) == num:
                r.update(fields)
                r["corrected"] = True
    return g


def labelled(r):
    return bool(r.get("title") or r.get("firstAuthorFamily"))


def build(only):
    CORPUS.mkdir(parents=True, exist_ok=True)
    sources = []
    for index, (doc_id, (repo, commit), xml_path, markup, pdf_path, publisher, renders) in enumerate(ENTRIES):
        split = split_of(index)
        if only and doc_id not in only:
            continue
        renders = renders + LATE_RENDERS.get(doc_id, [])
        data = git_show(repo, commit, xml_path)
        g = gold.jats_gold(data) if markup == "jats" else gold.bmc_gold(data)
        g = apply_corrections(doc_id, g)
        refs = g["references"]
        for r in refs:
            r["labelled"] = labelled(r)
        if sum(1 for r in refs if r["labelled"]) < MIN_REFERENCES:
            print(f"skip {doc_id}: {len(refs)} references", file=sys.stderr)
            continue
        out = CORPUS / split
        out.mkdir(exist_ok=True)
        documents = []
        if markup == "jats":
            (out / f"{doc_id}.xml").write_bytes(data)
            documents.append({"file": f"{doc_id}.xml", "format": "JATS", "origin": "real", "numbered": g["numbered"]})
        if pdf_path:
            pdf = out / f"{doc_id}.pdf"
            pdf.write_bytes(git_show(repo, commit, pdf_path))
            documents += text_variants(pdf, "real", refs, g["numbered"])
        for style in renders:
            pdf = out / f"{doc_id}.{style}.pdf"
            render.render(data, g, style, pdf, publisher)
            documents += text_variants(pdf, "rendered-" + style, refs, style == "vancouver")
        record = {
            "id": doc_id,
            "split": split,
            "kind": g["kind"],
            "title": g["title"],
            "firstAuthorFamily": g["firstAuthorFamily"],
            "numbered": g["numbered"],
            "partial": False,
            "source": {
                "repository": "https://github.com/" + repo,
                "commit": commit,
                "xml": xml_path,
                "pdf": pdf_path,
                "publisher": publisher,
                "journal": g["meta"]["journal"],
                "doi": g["meta"]["doi"],
                "licence": LICENCE_OVERRIDES.get(doc_id)
                or licence_name(g["meta"]["licence"], markup, out / f"{doc_id}.pdftotext.txt"),
            },
            "documents": documents,
            "references": refs,
        }
        (out / f"{doc_id}.gold.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        sources.append(record)
        print(f"{split:8} {doc_id}: {len(refs)} references, {len(documents)} documents", file=sys.stderr)
    return sources


def text_variants(pdf: Path, origin, refs, numbered):
    docs = [{"file": pdf.name, "format": "PDF", "origin": origin, "numbered": numbered}]
    base = pdf.with_suffix("")
    plain = Path(str(base) + ".pdftotext.txt")
    layout = Path(str(base) + ".pdftotext-layout.txt")
    raw = Path(str(base) + ".pdftotext-raw.txt")
    pdftotext(pdf, plain)
    pdftotext(pdf, layout, "-layout")
    pdftotext(pdf, raw, "-raw")
    unprinted = unprinted_fields(refs, plain.read_text())
    for f, fmt in ((plain, "PDFTOTEXT"), (layout, "PDFTOTEXT_LAYOUT"), (raw, "PDFTOTEXT_RAW")):
        docs.append({"file": f.name, "format": fmt, "origin": origin, "numbered": numbered})
    if unprinted:
        for d in docs:
            d["unprinted"] = unprinted
    return docs


LICENCE_OVERRIDES = {
    "pmc-4036788-cdc": "public domain (Emerging Infectious Diseases, CDC: a U.S. Government work; the journal states "
                       "that all its material is in the public domain; the XML carries no licence element)",
}


def licence_name(lic, markup, text_file=None):
    if markup == "bmc":
        text = text_file.read_text() if text_file and text_file.exists() else ""
        m = re.search(r"creativecommons\.org/licenses/by/(\d\.\d)", text)
        version = m.group(1) if m else "?"
        return f"CC BY {version} (BioMed Central open access; licence statement in the article PDF)"
    if not lic:
        return "see article"
    if "publicdomain/zero" in lic:
        return "CC0 1.0"
    if "free of all copyright" in lic:
        return "public domain (the article states it is free of all copyright)"
    m = re.search(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", lic)
    if m:
        return f"CC {m.group(1).upper()} {m.group(2)}"
    if "Creative Commons Attribution" in lic:
        return "CC BY (Creative Commons Attribution License, as stated in the article)"
    return lic[:120]


def bib_entries(text):
    starts = [m.start() for m in re.finditer(r"(?m)^\ufeff?@", text)]
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


def strip_bib_abstract(entry):
    """Removes the abstract field (brace-balanced) of one BibTeX entry."""
    m = re.search(r"(?m)^\s*abstract\s*=\s*\{", entry)
    if not m:
        return entry
    depth, j = 1, m.end()
    while j < len(entry) and depth:
        depth += {"{": 1, "}": -1}.get(entry[j], 0)
        j += 1
    if entry[j:j + 1] == ",":
        j += 1
    return entry[:m.start()] + entry[j:].removeprefix("\n")


def ris_entries(text):
    blocks, cur = [], []
    for line in text.splitlines(keepends=True):
        cur.append(line)
        if line.startswith("ER  -"):
            blocks.append("".join(cur))
            cur = []
    return blocks


def strip_ris_abstract(entry):
    out, skipping = [], False
    for line in entry.splitlines(keepends=True):
        if re.match(r"^[A-Z][A-Z0-9]  -", line):
            skipping = line.startswith(("AB  -", "N2  -"))
        if not skipping:
            out.append(line)
    return "".join(out)


def build_reference_files(only):
    for doc_id, (repo, commit), path, fmt, split, part, licence in REF_FILES:
        if only and doc_id not in only:
            continue
        data = git_show(repo, commit, path)
        ext = {"CSL_JSON": "json", "BIBTEX": "bib", "RIS": "ris"}[fmt]
        if part is not None:
            text = data.decode("utf-8-sig")
            if fmt == "BIBTEX":
                entries = [strip_bib_abstract(e) for e in bib_entries(text)]
            else:
                entries = [strip_ris_abstract(e) for e in ris_entries(text)]
            half = (len(entries) + 1) // 2
            chosen = entries[:half] if part == 0 else entries[half:]
            data = ("\n".join(e.rstrip("\n") + "\n" for e in chosen)).encode("utf-8")
            licence = IAV_LICENCE
        reader = {"CSL_JSON": gold.csl_json_gold, "BIBTEX": gold.bibtex_gold, "RIS": gold.ris_gold}[fmt]
        g = apply_corrections(doc_id, reader(data))
        for r in g["references"]:
            r["labelled"] = labelled(r)
        out = CORPUS / split
        out.mkdir(parents=True, exist_ok=True)
        name = f"{doc_id}.{ext}"
        (out / name).write_bytes(data)
        record = {
            "id": doc_id, "split": split, "kind": g["kind"], "title": None, "firstAuthorFamily": None,
            "numbered": False, "partial": False,
            "source": {"repository": "https://github.com/" + repo, "commit": commit, "xml": path, "pdf": None,
                       "publisher": "reference-manager export", "journal": None, "doi": None, "licence": licence},
            "documents": [{"file": name, "format": fmt, "origin": "real", "numbered": False}],
            "references": g["references"],
        }
        (out / f"{doc_id}.gold.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        print(f"{split:8} {doc_id}: {len(g['references'])} references", file=sys.stderr)


def build_hand_labelled(only):
    """Real PDFs without markup: gold labelled by hand (hand_gold.json) for the first references; partial."""
    hand = json.loads((HERE / "hand_gold.json").read_text())
    for e in hand["entries"]:
        if only and e["id"] not in only:
            continue
        out = CORPUS / e["split"]
        out.mkdir(parents=True, exist_ok=True)
        pdf = out / f"{e['id']}.pdf"
        repo = e.get("repository", NORMA[0])
        pdf.write_bytes(git_show(repo, e["commit"], e["pdf"]))
        refs = [dict(r, label=str(r["number"]), labelled=True) for r in e["references"]]
        documents = text_variants(pdf, "real", refs, e["numbered"])
        unprinted = documents[0].get("unprinted")
        if unprinted:
            print(f"  {e['id']}: hand gold not found in the text: {unprinted}", file=sys.stderr)
        record = {
            "id": e["id"], "split": e["split"], "kind": "JOURNAL_ARTICLE", "title": e["title"],
            "firstAuthorFamily": e["firstAuthorFamily"], "numbered": e["numbered"], "partial": True,
            "source": {"repository": "https://github.com/" + repo, "commit": e["commit"], "xml": None,
                       "pdf": e["pdf"], "publisher": e["publisher"], "journal": e["journal"], "doi": e["doi"],
                       "licence": e["licence"]},
            "documents": documents,
            "references": refs,
        }
        (out / f"{e['id']}.gold.json").write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        print(f"{e['split']:8} {e['id']}: {len(refs)} hand-labelled references (partial)", file=sys.stderr)


def write_sources():
    rows = []
    for f in sorted(CORPUS.glob("*/*.gold.json")):
        g = json.loads(f.read_text())
        s = g["source"]
        files = ", ".join(d["file"] for d in g["documents"])
        rows.append(f"| {g['split']} | {g['id']} | {s['publisher']} | {s.get('doi') or ''} | {s['licence']} | "
                    f"{s['repository']} @ {s['commit'][:12]} `{s.get('xml') or s.get('pdf') or ''}` | {files} |")
    text = ["# Sources of the evaluation corpus", "",
            "Every document, where it comes from (repository, commit, path) and its licence. Rendered PDFs",
            "(`*.vancouver.pdf`, `*.apa.pdf`) were made by `src/test/corpus-tools/render.py` from the article's JATS;",
            "`*.pdftotext*.txt` by poppler's pdftotext (plain, `-layout`, `-raw`) from the PDF beside them.", "",
            "| split | id | publisher | DOI | licence | source | documents |", "| --- | --- | --- | --- | --- | --- | --- |"]
    (CORPUS / "SOURCES.md").write_text("\n".join(text + rows) + "\n")


if __name__ == "__main__":
    build(set(sys.argv[1:]))
    build_reference_files(set(sys.argv[1:]))
    build_hand_labelled(set(sys.argv[1:]))
    write_sources()
