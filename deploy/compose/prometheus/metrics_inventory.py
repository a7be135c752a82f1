#!/usr/bin/env python3
"""The metrics Emporium's Grafana dashboards and Prometheus rules use, and whether the services expose them.

    metrics_inventory.py list                      JSON: for every metric, the dashboards/rules that use it and the
                                                   services their queries name (service="...")
    metrics_inventory.py check NAME=URL ...        scrape each service's /actuator/prometheus and fail (exit 1) if a
                                                   used metric is exposed by none of them, or not by the service a
                                                   query names

    e.g. metrics_inventory.py check gateway-service=http://127.0.0.1:9080/actuator/prometheus \\
            auth-service=http://127.0.0.1:8081/actuator/prometheus ...

Names come from the PromQL in deploy/compose/grafana/dashboards/*.json (panel targets and template queries) and
deploy/compose/prometheus/rules/*.yml (expr). Series names are compared as exposed: a histogram is used as
`x_bucket`, a counter as `x_total`. Not expected from a service: `up` (written by Prometheus for every target) and
the recording rules' own names (level:metric:operation, checked to be defined). Needs only Python 3's standard
library; the rules are read with a small line scanner, not a YAML library.
"""
import json
import re
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
DASHBOARDS = ROOT / "deploy/compose/grafana/dashboards"
RULES = HERE / "rules"

# Written by Prometheus, not by a service.
SYNTHETIC = {"up", "scrape_duration_seconds", "scrape_samples_scraped"}
KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset",
            "inf", "nan", "atan2"}
GROUPING = re.compile(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
NAME = re.compile(r"(?<![\w:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)")


def selectors(expr):
    """(metric name, {label: value} of its equality matchers) for every vector selector in a PromQL expression."""
    expr = GROUPING.sub(" ", expr)
    expr = re.sub(r"\[[^\]]*\]", " ", expr)  # ranges, subqueries
    found = []
    # Selectors with matchers: name{...}; then bare names. Matchers are read before strings are blanked out.
    for match in re.finditer(r"([a-zA-Z_:][a-zA-Z0-9_:]*)?\s*\{([^}]*)\}", expr):
        labels = dict(re.findall(r'(\w+)\s*=\s*"([^"]*)"', match.group(2)))
        name = match.group(1) or labels.get("__name__")
        if name and name not in KEYWORDS:
            found.append((name, labels))
    bare = STRING.sub(" ", re.sub(r"\{[^}]*\}", " ", expr))
    for match in NAME.finditer(bare):
        name = match.group(1)
        rest = bare[match.end():].lstrip()
        if name.lower() in KEYWORDS or rest.startswith("("):
            continue
        found.append((name, {}))
    return found


def dashboard_queries():
    for path in sorted(DASHBOARDS.glob("*.json")):
        board = json.loads(path.read_text())
        panels = list(board.get("panels", []))
        for panel in list(panels):
            panels.extend(panel.get("panels", []))
        for panel in panels:
            for target in panel.get("targets", []):
                if target.get("expr"):
                    yield path.name, f"panel '{panel.get('title')}'", target["expr"]
        for variable in board.get("templating", {}).get("list", []):
            query = variable.get("query")
            text = query.get("query") if isinstance(query, dict) else query
            if text:
                match = re.match(r"label_values\((.*),\s*\w+\)\s*$", text)
                yield path.name, f"variable '{variable.get('name')}'", match.group(1) if match else text


def rule_queries():
    """(file, rule, expr) for every rule; recording rule names separately."""
    queries, recorded = [], set()
    for path in sorted(RULES.glob("*.yml")):
        lines = path.read_text().splitlines()
        name = None
        i = 0
        while i < len(lines):
            line = lines[i]
            m = re.match(r"\s*-\s*(alert|record):\s*(\S+)", line)
            if m:
                name = m.group(2)
                if m.group(1) == "record":
                    recorded.add(name)
            m = re.match(r"(\s*)expr:\s*(.*)$", line)
            if m:
                indent, first = len(m.group(1)), m.group(2).strip()
                if first in ("|", ">", "|-", ">-"):
                    body = []
                    i += 1
                    while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > indent):
                        body.append(lines[i])
                        i += 1
                    queries.append((path.name, name, "\n".join(body)))
                    continue
                queries.append((path.name, name, first))
            i += 1
    return queries, recorded


def inventory():
    rules, recorded = rule_queries()
    used = {}
    for source, where, expr in list(dashboard_queries()) + [(f, f"rule {n}", e) for f, n, e in rules]:
        for name, labels in selectors(expr):
            entry = used.setdefault(name, {"usedBy": set(), "services": set()})
            entry["usedBy"].add(f"{source}: {where}")
            if "service" in labels:
                entry["services"].add(labels["service"])
    return used, recorded


def exposed(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        text = response.read().decode()
    return {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line and not line.startswith("#")}


def main(args):
    used, recorded = inventory()
    if not args or args[0] == "list":
        print(json.dumps({name: {"usedBy": sorted(e["usedBy"]), "services": sorted(e["services"]),
                                 "kind": "prometheus" if name in SYNTHETIC else "recording rule" if ":" in name
                                 else "service"}
                          for name, e in sorted(used.items())}, indent=2))
        return 0
    if args[0] != "check" or len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    scrapes = {}
    for arg in args[1:]:
        service, _, url = arg.partition("=")
        scrapes[service] = exposed(url)
    problems = []
    for name, entry in sorted(used.items()):
        if name in SYNTHETIC:
            continue
        if ":" in name:
            if name not in recorded:
                problems.append(f"{name}: looks like a recording rule, but no rule records it")
            continue
        by = sorted(s for s, names in scrapes.items() if name in names)
        if not by:
            problems.append(f"{name}: exposed by no service; used by {sorted(entry['usedBy'])}")
            continue
        for service in sorted(entry["services"] & scrapes.keys()):
            if name not in scrapes[service]:
                problems.append(f"{name}: queried with service=\"{service}\", which does not expose it (only {by})")
        print(f"ok  {name:70} {', '.join(by)}")
    for problem in problems:
        print(f"MISSING {problem}")
    print(f"{len(used)} metric names used, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
