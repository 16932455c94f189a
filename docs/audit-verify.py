#!/usr/bin/env python3
"""Verify a Fapiao Desk audit trail export (.xlsx) with nothing but Python 3.8+ and its standard library.

    python3 audit-verify.py EXPORT.xlsx

An independent check of what `npm run audit-trail -- verify` does (docs/audit.md, "Verifying without the app"):
each row's SHA-256 is recomputed from its cells, each row's prevHash must be the previous row's hash, seq must
count up by one, and the summary sheet's count, first/last seq, first prevHash and head hash must match.
Exit status: 0 verified, 1 a row or the summary does not verify, 3 not an audit trail export.
"""
import hashlib
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
GENESIS = "0" * 64
TEXT_FIELDS = ["at", "user", "device", "action", "entity", "entityId", "prevHash", "hash"]


def ooxml_text(s):
    """Undo OOXML's _xHHHH_ escapes (a carriage return is written _x000d_, an underscore before x is _x005F_)."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s)


def all_text(node):
    return "".join(t.text or "" for t in node.iter("{%s}t" % NS["m"]))


def read_sheets(path):
    """Every sheet as {name: {row number: {column number: value}}}; text as str, numbers as str of the number."""
    with zipfile.ZipFile(path) as z:
        strings = []
        if "xl/sharedStrings.xml" in z.namelist():
            strings = [ooxml_text(all_text(si)) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        sheets = {}
        for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
            target = rels[s.get(REL)].lstrip("/")
            rows = {}
            for row in ET.fromstring(z.read(target if target.startswith("xl/") else "xl/" + target)).iter("{%s}row" % NS["m"]):
                cells = {}
                for c in row.findall("m:c", NS):
                    col = 0
                    for ch in re.match(r"[A-Z]+", c.get("r")).group(0):
                        col = col * 26 + ord(ch) - 64
                    v, kind = c.find("m:v", NS), c.get("t", "n")
                    if kind == "s":
                        cells[col] = strings[int(v.text)]
                    elif kind == "inlineStr":
                        cells[col] = ooxml_text(all_text(c.find("m:is", NS)))
                    elif v is not None:
                        cells[col] = ooxml_text(v.text or "") if kind == "str" else ("number", v.text)
                rows[int(row.get("r"))] = cells
            sheets[s.get("name")] = rows
        return sheets


def unguard(text):
    """Undo the formula guard: one apostrophe in front of (apostrophes and) = + - @ TAB CR or ＝ ＋ － ＠."""
    return text[1:] if re.match("''*[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]", text) else text


def text(cells, col):
    v = cells.get(col, "")
    if isinstance(v, tuple):
        raise ValueError("a number where text belongs")
    return unguard(v)


def value(cells, col):
    """A summary value: text, or a number as written."""
    v = cells.get(col, "")
    return v[1] if isinstance(v, tuple) else unguard(v)


def hash_input(cells, cols):
    """The canonical JSON the app hashed: keys sorted, text fields as JSON strings, JSON fields verbatim."""
    v = cells.get(cols["seq"])
    seq = int(float(v[1])) if isinstance(v, tuple) else int(text(cells, cols["seq"]))
    encoded = [f for f in text(cells, cols["encoded"]).split(",") if f]
    members = {"seq": str(seq)}
    for f in TEXT_FIELDS:
        value = text(cells, cols[f])
        if f in encoded:
            if value != "":
                members[f] = value  # already canonical JSON
        elif not (f == "device" and value == ""):
            members[f] = json.dumps(value, ensure_ascii=False)
    for f in ("before", "after"):
        value = "".join(text(cells, c) for c in cols[f])
        if value != "":
            members[f] = value
    stored = json.loads(members.pop("hash"))  # the hash covers every field but itself
    canonical = "{" + ",".join(json.dumps(k) + ":" + members[k] for k in sorted(members)) + "}"
    return seq, json.loads(members["prevHash"]), stored, hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verify(path):
    try:
        sheets = read_sheets(path)
    except (OSError, zipfile.BadZipFile, KeyError, ET.ParseError) as e:
        return 3, "cannot read %s as an .xlsx file (%s)" % (path, e)
    chain = sorted((n for n in sheets if re.fullmatch("审计日志( [0-9]+)?", n)), key=lambda n: int(n[5:] or 1))
    if not chain or "摘要" not in sheets:
        return 3, "not an audit trail export (no sheet 审计日志 or 摘要)"
    summary = {value(r, 3).strip(): value(r, 2) for n, r in sheets["摘要"].items() if n > 1}
    if summary.get("format") != "fapiao-desk-audit-export":
        return 3, "not an audit trail export (format %r)" % summary.get("format")
    if not re.fullmatch("[0-9]+", summary.get("version", "")) or int(summary["version"]) > 1:
        return 3, "an audit trail export of a newer version (%r): verify it with a newer version of the app" % summary.get("version")
    prev = first = None
    count = 0
    for name in chain:
        rows = sheets[name]
        cols = {"before": [], "after": []}
        for col, head in sorted(rows.get(1, {}).items()):
            m = re.search(r"(?:^|\s)([A-Za-z]+)(?:#(\d+))?$", head.strip()) if isinstance(head, str) else None
            if m and m.group(1) in ("before", "after"):
                cols[m.group(1)].append((int(m.group(2) or 1), col))
            elif m:
                cols[m.group(1)] = col
        cols["before"] = [c for _, c in sorted(cols["before"])]
        cols["after"] = [c for _, c in sorted(cols["after"])]
        for n in sorted(k for k in rows if k > 1):
            if not rows[n]:
                continue
            try:
                seq, prev_hash, stored, computed = hash_input(rows[n], cols)
            except (ValueError, KeyError) as e:
                return 1, "sheet %s row %d: unreadable cell (%s)" % (name, n, e)
            where = "sheet %s row %d (seq %d)" % (name, n, seq)
            if prev is not None and seq != prev[0] + 1:
                return 1, where + ": gap, seq %d should come here" % (prev[0] + 1)
            if prev is None and seq == 1 and prev_hash != GENESIS or prev is not None and prev_hash != prev[1]:
                return 1, where + ": link, prevHash is not the previous row's hash"
            if computed != stored:
                return 1, where + ": hash, the row does not match its hash"
            first = first or (seq, prev_hash)
            prev = (seq, stored)
            count += 1
    expected = {"count": str(count), "firstSeq": str(first[0]) if first else "", "lastSeq": str(prev[0]) if prev else "",
                "firstPrevHash": first[1] if first else "", "headHash": prev[1] if prev else GENESIS}
    wrong = [k for k in expected if summary.get(k, "") != expected[k]]
    if wrong:
        return 1, "summary does not match the entries: " + ", ".join("%s %r, entries give %r" % (k, summary.get(k), expected[k]) for k in wrong)
    return 0, "OK: %d entries, seq %s-%s, head hash %s" % (count, expected["firstSeq"], expected["lastSeq"], expected["headHash"])


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        sys.exit(2)
    status, message = verify(sys.argv[1])
    print(message, file=sys.stdout if status == 0 else sys.stderr)
    sys.exit(status)
