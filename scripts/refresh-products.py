#!/usr/bin/env python3
"""Checks data/products.tsv against a saved copy of Google's product and SKU table.

This machine cannot reach the internet, so the script does not download anything: save the page
yourself and pass the file.

    # The Licensing API's table (every SKU a customer may hold), as Markdown or HTML:
    curl -o products.md https://developers.google.com/workspace/admin/licensing/v1/how-tos/products.md.txt
    curl -o products.html https://developers.google.com/workspace/admin/licensing/v1/how-tos/products
    # The Reseller API's table (what a reseller may order):
    curl -o reseller.md https://developers.google.com/workspace/admin/reseller/v1/how-tos/products.md.txt

    python3 scripts/refresh-products.py products.md             # licensing table
    python3 scripts/refresh-products.py --reseller reseller.md  # reseller table
    python3 scripts/refresh-products.py --stubs products.md     # print TSV lines for new SKUs

It reads the page's table (a Markdown pipe table, or the <table> of the HTML page), carries a
product id down the rows that leave it blank, and compares each (productId, skuId, SKU name)
with the file:

- a SKU on the page and not in the file: add it (`--stubs` prints a line to complete: the
  crate's key, name, family, status, plans and rules are choices, see data/PROVENANCE.md);
- a SKU in the file (source `licensing`, or `reseller` with --reseller) and not on the page:
  Google dropped it; mark it `legacy` (still readable) rather than deleting it;
- a SKU whose name differs: copy Google's name into the `sku_name` column.
- with --reseller, a SKU the reseller page lists whose status is not `sold`, or a `sold` SKU of
  source `reseller` it does not list.

Exit status 0 when the file agrees with the page, 1 otherwise (the differences are printed), 2
when the page has no table the script can read. Afterwards update data/PROVENANCE.md (URL and
date read) and run `cargo test --all-features --test catalogue`.
"""
import html.parser
import os
import re
import sys

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "products.tsv")


def clean(cell):
    """A cell's text: no Markdown emphasis, backticks, escapes or surrounding space."""
    cell = re.sub(r"<[^>]+>", "", cell)
    cell = cell.replace("\\&", "&").replace("`", "").replace("**", "").replace("&nbsp;", " ")
    return " ".join(cell.split())


class TableParser(html.parser.HTMLParser):
    """Collects the cells of every <tr> of an HTML page."""

    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(clean("".join(self.cell)))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def table_rows(text):
    """The page's table rows, each a list of 4 cells (product id, product name, SKU id, name)."""
    if "<table" in text.lower():
        parser = TableParser()
        parser.feed(text)
        rows = parser.rows
    else:
        rows = []
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("|"):
                rows.append([clean(c) for c in line.strip("|").split("|")])
    return [r for r in rows if len(r) == 4]


def page_skus(text):
    """(productId, productName, skuId, skuName) of every SKU row, the product carried down."""
    skus, product_id, product_name = [], "", ""
    for cells in table_rows(text):
        pid, pname, sku, name = cells
        if not sku or set(sku) <= set("-:") or sku.lower() in ("sku id", "id du sku"):
            continue  # header, separator or section heading
        if pid:
            if pid != product_id:
                product_name = ""
            product_id = pid
        if pname:
            product_name = pname
        skus.append((product_id, product_name, sku, name))
    return skus


def file_rows():
    rows = []
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def main(argv):
    reseller = "--reseller" in argv
    stubs = "--stubs" in argv
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    with open(paths[0], encoding="utf-8") as f:
        page = page_skus(f.read())
    if not page:
        print(f"{paths[0]}: no product table found", file=sys.stderr)
        return 2
    rows = file_rows()
    by_sku = {(r[0], r[2]): r for r in rows}
    on_page = {(p, s) for p, _, s, _ in page}
    problems = []
    for pid, pname, sku, name in page:
        row = by_sku.get((pid, sku))
        if row is None:
            problems.append(f"new on the page: {pid} / {sku} {name!r}")
            if stubs:
                key = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
                status = "sold" if reseller else "listed"
                print("\t".join([pid, pname or "-", sku, name, key, name, "google-workspace", "-",
                                 status, "-", "yes", "no", "any", "no", "-",
                                 "reseller" if reseller else "licensing"]))
        elif not reseller and row[3] != name:
            problems.append(f"renamed: {pid} / {sku}: file {row[3]!r}, page {name!r}")
        elif reseller and row[8] != "sold":
            problems.append(f"sold by resellers but {row[8]} in the file: {pid} / {sku}")
    for row in rows:
        gone = (row[0], row[2]) not in on_page
        if not reseller and row[15] == "licensing" and gone and row[8] != "legacy":
            problems.append(f"no longer on the page: {row[0]} / {row[2]} {row[3]!r} (mark it legacy)")
        if reseller and row[15] == "reseller" and row[8] == "sold" and gone:
            problems.append(f"sold in the file, not on the reseller page: {row[0]} / {row[2]}")
    for problem in problems:
        print(problem)
    print(f"{len(page)} SKUs on the page, {len(rows)} rows in {os.path.relpath(DATA)}, "
          f"{len(problems)} difference(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
