#!/usr/bin/env python3
"""Adds, beside every PDF of the corpus, the text Firefox's PDF viewer (pdf.js) gives when a reader copies it:
`<pdf>.pdfjs.txt`, listed in the article's gold as format PDFJS_TEXT with the PDF's own `unprinted` (the same page
prints the same values). Re-runnable: an existing entry is replaced.

Needs Node and pdfjs-dist (`npm install --prefix /tmp/pdfjs pdfjs-dist@5.6.205`, then
`PDFJS_DIST=/tmp/pdfjs python3 src/test/corpus-tools/add_pdfjs_text.py [id ...]` from import-service/, after
build_corpus.py, which writes the gold without these entries).
"""
import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path("src/test/resources/corpus")
SCRIPT = Path(__file__).with_name("pdfjs_text.mjs")


def main(ids):
    for gold_path in sorted(CORPUS.glob("*/*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if ids and gold["id"] not in ids:
            continue
        documents = [d for d in gold["documents"] if d["format"] != "PDFJS_TEXT"]
        added = []
        for d in documents:
            if d["format"] != "PDF":
                continue
            pdf = gold_path.parent / d["file"]
            text = pdf.with_name(pdf.name[: -len(".pdf")] + ".pdfjs.txt")
            subprocess.run(["node", str(SCRIPT), str(pdf), str(text)], check=True, env=os.environ)
            added.append(dict(d, file=text.name, format="PDFJS_TEXT"))
        if not added and len(documents) == len(gold["documents"]):
            continue
        gold["documents"] = documents + added
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
        print(gold_path, len(added))


if __name__ == "__main__":
    main(set(sys.argv[1:]))
