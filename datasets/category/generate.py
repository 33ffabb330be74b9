#!/usr/bin/env python3
"""Builds train.csv and eval.csv (description, supplier, category, lines) from the USAID SCMS delivery history.

Usage: python3 datasets/category/generate.py [SOURCE.csv]   (default: ../shared/data/usaid-scms-po-lines/SCMS_Delivery_History_Dataset.csv)
Standard library only; byte-identical output for the same source. See README.md.
"""
import collections, csv, hashlib, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "..", "shared", "data", "usaid-scms-po-lines", "SCMS_Delivery_History_Dataset.csv")
# The demo tenant's category codes (datasets/demo-tenant/README.md), one per USAID product group.
CODES = {"ARV": "Pharmaceuticals-ARV", "ANTM": "Pharmaceuticals-Antimalarial", "ACT": "Pharmaceuticals-ACT",
         "HRDT": "Diagnostics-HIV", "MRDT": "Diagnostics-Malaria"}
HELD_OUT_SHARE = 0.3

def key(text):
    return hashlib.sha1(text.encode("utf-8")).hexdigest()

def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT
    counts = collections.Counter()
    with open(source, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            group, description, vendor = row["Product Group"].strip(), row["Item Description"].strip(), row["Vendor"].strip()
            if group not in CODES:
                sys.exit(f"unmapped product group {group!r}: add it to CODES")
            if description and vendor:
                counts[(description, vendor, CODES[group])] += 1
    # Split by item: 30 % of each category's distinct descriptions (at least one, never all) go to eval with every
    # supplier that sold them, so eval descriptions are never seen in training.
    held_out = set()
    for code in sorted(set(c for _, _, c in counts)):
        items = sorted({d for d, _, c in counts if c == code}, key=key)
        if len(items) < 2:
            continue
        n = min(max(round(len(items) * HELD_OUT_SHARE), 1), len(items) - 1)
        held_out.update(items[:n])
    for name, keep in (("train.csv", lambda d: d not in held_out), ("eval.csv", lambda d: d in held_out)):
        rows = sorted((k for k in counts if keep(k[0])), key=lambda k: (k[2], k[0], k[1]))
        with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as out:
            w = csv.writer(out, lineterminator="\n")
            w.writerow(["description", "supplier", "category", "lines"])
            for d, v, c in rows:
                w.writerow([d, v, c, counts[(d, v, c)]])
        print(f"{name}: {len(rows)} rows, {sum(counts[k] for k in rows)} source lines, "
              + ", ".join(f"{c} {n}" for c, n in sorted(collections.Counter(k[2] for k in rows).items())))

main()
