#!/usr/bin/env bash
# Regenerates requisition-history.csv from the USAID SCMS delivery history (see README.md),
# then checks that master-data.json covers every reference the CSV makes.
# Usage: bash datasets/demo-tenant/generate.sh [path/to/SCMS_Delivery_History_Dataset.csv]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${1:-$here/../../../shared/data/usaid-scms-po-lines/SCMS_Delivery_History_Dataset.csv}"
expected_sha256="$(cat "$here/source.sha256")"

[[ -f "$src" ]] || { echo "generate.sh: source not found: $src (needs ../shared/data present)" >&2; exit 1; }
actual_sha256="$(sha256sum "$src" | cut -d' ' -f1)"
if [[ "$actual_sha256" != "$expected_sha256" ]]; then
  echo "generate.sh: $src has sha256 $actual_sha256, expected $expected_sha256;" \
       "the output would not match the committed CSV" >&2
  exit 1
fi

python3 - "$src" "$here/requisition-history.csv" "$here/master-data.json" <<'PY'
import csv, hashlib, json, re, sys
from collections import Counter

src, out_csv, master_json = sys.argv[1:4]
SAMPLE_VENDORS, PER_VENDOR = 12, 25
INTERNAL = "SCMS from RDC"  # SCMS's own regional warehouse (sales orders), not a supplier

CATEGORY = {"ARV": "Pharmaceuticals-ARV", "ANTM": "Pharmaceuticals-Antimalarial",
            "ACT": "Pharmaceuticals-ACT", "HRDT": "Diagnostics-HIV", "MRDT": "Diagnostics-Malaria"}
FAMILY = {"ARV": "PHARMA", "ANTM": "PHARMA", "ACT": "PHARMA", "HRDT": "DIAG", "MRDT": "DIAG"}
AS = {"Vietnam", "Pakistan", "Afghanistan", "Kazakhstan", "Kyrgyzstan", "Lebanon"}
AMERICAS = {"Haiti", "Guyana", "Dominican Republic", "Guatemala", "Belize"}  # booked by LE-EU
AF = {"South Africa", "Nigeria", "Côte d'Ivoire", "Uganda", "Zambia", "Mozambique", "Zimbabwe",
      "Tanzania", "Rwanda", "Congo, DRC", "Ethiopia", "South Sudan", "Kenya", "Burundi", "Namibia",
      "Cameroon", "Botswana", "Ghana", "Sudan", "Swaziland", "Mali", "Malawi", "Benin", "Libya",
      "Angola", "Liberia", "Lesotho", "Sierra Leone", "Senegal", "Togo", "Burkina Faso", "Guinea"}
REQUESTERS = ["u-anna", "u-ben", "u-carla"]
MONTHS = {m: i + 1 for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])}
NUM = re.compile(r"^[0-9]+(\.[0-9]+)?$")

def legal_entity(country):
    if country in AF: return "LE-AF"
    if country in AS: return "LE-AS"
    if country in AMERICAS: return "LE-EU"
    sys.exit(f"unmapped country: {country!r}")

def cost_centre(le, group):
    return "CC-AS-HEALTH" if le == "LE-AS" else f"CC-{le[3:]}-{FAMILY[group]}"

def iso_date(row):
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", row["PO Sent to Vendor Date"])
    if m:
        return f"20{m[3]}-{int(m[1]):02d}-{int(m[2]):02d}"
    m = re.fullmatch(r"(\d{1,2})-([A-Z][a-z]{2})-(\d{2})", row["Scheduled Delivery Date"])
    if m:
        return f"20{m[3]}-{MONTHS[m[2]]:02d}-{int(m[1]):02d}"
    return None

def requester(ref):
    # by PO number, so every line of one purchase order has the same requester
    digits = re.sub(r"[^0-9]", "", ref)
    return REQUESTERS[int(digits or "0") % len(REQUESTERS)]

def slug(name):
    s = "sup-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s[:40].rstrip("-")

with open(src, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))

counts = Counter(r["Vendor"] for r in rows if r["Vendor"] != INTERNAL)
vendors = sorted(counts, key=lambda v: (-counts[v], v))[:SAMPLE_VENDORS]

out = []
for v in vendors:
    valid = []
    for r in rows:
        if r["Vendor"] != v: continue
        if not (NUM.match(r["Pack Price"]) and float(r["Pack Price"]) > 0): continue
        if not (r["Line Item Quantity"].isdigit() and int(r["Line Item Quantity"]) > 0): continue
        if not r["Unit of Measure (Per Pack)"].isdigit(): continue
        if r["Product Group"] not in CATEGORY: continue
        d = iso_date(r)
        if d is None: continue
        valid.append((d, int(r["ID"]), r))
    valid.sort(key=lambda t: (t[0], t[1]))
    n = len(valid)
    if n < PER_VENDOR: sys.exit(f"vendor {v!r} has only {n} usable rows")
    # evenly spaced over the vendor's date-ordered lines, so every vendor spans its years
    for i in range(PER_VENDOR):
        out.append(valid[(2 * i + 1) * n // (2 * PER_VENDOR)])

if len({slug(v) for v in vendors}) != len(vendors): sys.exit("supplier slug collision")

out.sort(key=lambda t: (t[0], t[1]))
header = ["external_ref", "supplier_id", "category", "item_code", "description", "quantity",
          "unit_of_measure", "unit_price", "currency", "ordered_on", "legal_entity",
          "cost_centre", "requester"]
with open(out_csv, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(header)
    for d, rid, r in out:
        le = legal_entity(r["Country"])
        desc = r["Item Description"].strip()
        w.writerow([r["PO / SO #"].strip(), slug(r["Vendor"]), CATEGORY[r["Product Group"]],
                    "ITM-" + hashlib.sha1(desc.encode("utf-8")).hexdigest()[:8], desc,
                    int(r["Line Item Quantity"]), f"pack of {int(r['Unit of Measure (Per Pack)'])}",
                    r["Pack Price"], "USD", d, le, cost_centre(le, r["Product Group"]),
                    requester(r["PO / SO #"].strip())])
print(f"wrote {len(out)} lines from {len(vendors)} vendors to {out_csv}")

# master-data.json is hand-written; fail if it does not cover the CSV
with open(master_json, encoding="utf-8") as f:
    md = json.load(f)
known = {"supplier_id": {s["id"] for s in md["suppliers"]},
         "cost_centre": {c["code"] for c in md["cost_centres"]},
         "requester": {u["id"] for u in md["users"] if "requester" in u["roles"]},
         "legal_entity": {e["code"] for e in md["legal_entities"]}}
with open(out_csv, encoding="utf-8", newline="") as f:
    missing = {(k, r[k]) for r in csv.DictReader(f) for k in known if r[k] not in known[k]}
if missing: sys.exit(f"master-data.json lacks: {sorted(missing)}")
# supplier risk tier rule (README): distinct PO numbers over the whole source data set
pos = {}
for r in rows: pos.setdefault(r["Vendor"], set()).add(r["PO / SO #"])
owners = {u["id"] for u in md["users"] if "approver" in u["roles"]}
les = {e["code"] for e in md["legal_entities"]}
for c in md["cost_centres"]:
    if c["owner"] not in owners or c["legal_entity"] not in les: sys.exit(f"bad cost centre {c}")
for b in md["budgets"]:
    if b["cost_centre"] not in known["cost_centre"]: sys.exit(f"budget for unknown {b['cost_centre']}")
by_slug = {slug(v): v for v in vendors}
for s in md["suppliers"]:
    v = by_slug.get(s["id"]) or sys.exit(f"supplier {s['id']} is not in the sample")
    n = len(pos[v]); tier = "low" if n >= 250 else "medium" if n >= 100 else "high"
    if s["name"] != v or s["risk_tier"] != tier:
        sys.exit(f"supplier {s['id']}: expected name {v!r}, tier {tier} ({n} POs)")
    # Invented identifiers (README): a VAT id is 2 letters + 2-13 letters/digits; an IBAN passes ISO 13616
    # mod 97 and carries the bank code DEMO, so it cannot be anyone's real account.
    vat, iban = s.get("vat_id"), s.get("iban")
    if vat is not None and not re.fullmatch(r"[A-Z]{2}[A-Z0-9]{2,13}", vat): sys.exit(f"supplier {s['id']}: bad vat_id {vat}")
    if iban is not None and (not re.fullmatch(r"[A-Z]{2}[0-9]{2}DEMO[A-Z0-9]{7,26}", iban)
            or int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 != 1):
        sys.exit(f"supplier {s['id']}: bad iban {iban}")
print("master-data.json is consistent with the CSV")
PY
