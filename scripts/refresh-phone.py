#!/usr/bin/env python3
"""Refresh data/phone_metadata.tsv from libphonenumber's PhoneNumberMetadata.xml.

The XML is taken from the crates.io package `phonenumber` (a Rust port that ships Google's
metadata unmodified under assets/), the only registry this project reaches; libphonenumber's
own home is https://github.com/google/libphonenumber (resources/PhoneNumberMetadata.xml).

Usage: scripts/refresh-phone.py [CRATE_VERSION]      (default: 0.3.10+9.0.33)
Environment: PHONE_XML=path/to/PhoneNumberMetadata.xml to convert a local file instead.

Writes one line per territory (tab-separated, see the header the script writes), keeping only
what the crate's rules need: the calling code, the international and national prefixes, the
lengths and patterns of each number type, and an example number. Idempotent: the same XML
gives the same bytes.
"""
import hashlib
import io
import os
import re
import sys
import tarfile
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "phone_metadata.tsv"
# libphonenumber's order in getNumberTypeHelper: the first type that matches names the number.
TYPES = ["premiumRate", "tollFree", "sharedCost", "voip", "personalNumber", "pager", "uan",
         "voicemail", "fixedLine", "mobile"]


def lengths(text):
    """'[8-10],12' -> [8, 9, 10, 12]."""
    out = []
    for part in text.split(","):
        part = part.strip()
        m = re.fullmatch(r"\[(\d+)-(\d+)\]", part)
        if m:
            out.extend(range(int(m.group(1)), int(m.group(2)) + 1))
        elif part:
            out.append(int(part))
    return sorted(set(out))


def pattern(element):
    if element is None or element.text is None:
        return None
    return re.sub(r"\s+", "", element.text)


def desc_lengths(desc):
    pl = desc.find("possibleLengths")
    if pl is None or pl.get("national") is None:
        return None
    return lengths(pl.get("national"))


def main():
    version = sys.argv[1] if len(sys.argv) > 1 else "0.3.10+9.0.33"
    if os.environ.get("PHONE_XML"):
        xml = Path(os.environ["PHONE_XML"]).read_bytes()
        source = os.environ["PHONE_XML"]
    else:
        url = f"https://static.crates.io/crates/phonenumber/phonenumber-{version}.crate"
        data = urllib.request.urlopen(url).read()
        with tarfile.open(fileobj=io.BytesIO(data)) as tar:
            member = next(m for m in tar.getmembers()
                          if m.name.endswith("assets/PhoneNumberMetadata.xml"))
            xml = tar.extractfile(member).read()
        source = url
    root = ET.fromstring(xml)
    rows = []
    for t in root.iter("territory"):
        types = []
        general = t.find("generalDesc")
        all_lengths = set()
        example = ""
        for name in TYPES:
            desc = t.find(name)
            p = pattern(desc.find("nationalNumberPattern")) if desc is not None else None
            if p is None or p == "NA":
                continue
            ls = desc_lengths(desc) or []
            all_lengths.update(ls)
            types.append(f"{name} {','.join(map(str, ls)) or '-'} {p}")
        # A common type's example first; any type's when the territory has no common one
        # (+808 has only shared-cost numbers, +979 only premium-rate ones).
        for name in ["fixedLine", "mobile", "tollFree", "voip", "uan", "personalNumber"] + TYPES:
            desc = t.find(name)
            if desc is not None and desc.find("exampleNumber") is not None and not example:
                example = desc.find("exampleNumber").text.strip()
        rows.append("\t".join([
            t.get("id"),
            t.get("countryCode"),
            "main" if t.get("mainCountryForCode") == "true" else "-",
            t.get("internationalPrefix") or "-",
            t.get("nationalPrefix") or "-",
            re.sub(r"\s+", "", t.get("nationalPrefixForParsing") or "") or "-",
            t.get("nationalPrefixTransformRule") or "-",
            example or "-",
            ",".join(map(str, sorted(all_lengths))) or "-",
            pattern(general.find("nationalNumberPattern")),
            *types,
        ]))
    sha = hashlib.sha256(xml).hexdigest()
    header = [
        "# libphonenumber metadata (Apache-2.0, The Libphonenumber Authors), reduced by",
        "# scripts/refresh-phone.py for gws-onboarding.",
        f"# Source: {source}",
        f"# SHA-256 of PhoneNumberMetadata.xml: {sha}",
        "# Columns: region, calling code, main region for the code, international prefix,",
        "# national prefix, national prefix for parsing, its transform rule ($1 = first group), example number,",
        "# possible national lengths, general pattern, then one column per number type:",
        "# `type lengths pattern`.",
    ]
    OUT.write_text("\n".join(header + rows) + "\n")
    print(f"{len(rows)} territories -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
