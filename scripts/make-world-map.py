#!/usr/bin/python3
"""Writes the default theme's world map (themes/default/map/world.tsv) from public-domain data.

Source: Natural Earth, 1:110m Cultural Vectors, Admin 0 - Countries (public domain,
https://www.naturalearthdata.com/about/terms-of-use/), as Debian's python3-geopandas ships it
(geopandas.datasets "naturalearth_lowres"). ISO 3166-1 alpha-3 codes become alpha-2 through
Debian's iso-codes (/usr/share/iso-codes/json/iso_3166-1.json).

Each country is projected (Equal Earth, an equal-area projection: shaded areas compare fairly),
simplified (Douglas-Peucker, shapely) to a tolerance in map units, rounded to whole units and
written as SVG path data with relative moves. Antarctica is left out. The output is byte for byte
the same from one run to the next.

    apt-get install python3-geopandas iso-codes   # then:
    /usr/bin/python3 scripts/make-world-map.py [--tolerance 0.8] [--width 1000] [OUT]
"""
import argparse
import json
import math
import sys

import geopandas
from shapely.geometry import MultiPolygon, Polygon

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
SOUTH, NORTH = -58.0, 84.0  # the map's edges: Tierra del Fuego and Greenland's northern cape fit


def equal_earth(lon, lat):
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(math.sqrt(3) / 2 * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * A4 * t6 * t2 + 7 * A3 * t6 + 3 * A2 * t2 + A1))
    y = theta * (A4 * t6 * t2 + A3 * t6 + A2 * t2 + A1)
    return x, y


def alpha2_codes():
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        return {c["alpha_3"]: c["alpha_2"] for c in json.load(f)["3166-1"]}


# Natural Earth rows without an ISO alpha-3 code, by name: Kosovo's user-assigned code, which
# CLDR names. Land without a code of its own (Northern Cyprus, Somaliland) is drawn, as "--",
# and never shaded.
BY_NAME = {"Kosovo": "XK"}
UNCODED = "--"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="themes/default/map/world.tsv")
    parser.add_argument("--tolerance", type=float, default=0.8, help="simplification, in map units")
    parser.add_argument("--width", type=int, default=1000)
    parser.add_argument("--min-area", type=float, default=6.0, help="drop islands smaller than this, in square map units")
    args = parser.parse_args()

    frame = geopandas.read_file(geopandas.datasets.get_path("naturalearth_lowres"))
    codes = alpha2_codes()
    half = equal_earth(180, 0)[0]
    scale = args.width / (2 * half)
    top = equal_earth(0, NORTH)[1] * scale
    bottom = equal_earth(0, SOUTH)[1] * scale

    def project(ring):
        return [((x_ + half) * scale, top - y_ * scale) for x_, y_ in (equal_earth(lon, min(max(lat, SOUTH), NORTH)) for lon, lat in ring)]

    rows, uncoded = [], []
    for name, iso3, geometry in zip(frame["name"], frame["iso_a3"], frame["geometry"]):
        if iso3 == "ATA":
            continue
        code = codes.get(iso3) or BY_NAME.get(name) or UNCODED
        polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
        projected = [Polygon(project(p.exterior.coords), [project(i.coords) for i in p.interiors]) for p in polygons]
        largest = max(projected, key=lambda p: p.area)
        parts = []
        for polygon in projected:
            if polygon is not largest and polygon.area < args.min_area:
                continue
            simple = polygon.simplify(args.tolerance, preserve_topology=True)
            for ring in [simple.exterior, *simple.interiors]:
                parts.append(encode(ring.coords))
        path = "".join(p for p in parts if p)
        if path and code == UNCODED:
            uncoded.append(path)
        elif path:
            rows.append((code, path))
    rows.sort()
    if uncoded:
        rows.append((UNCODED, "".join(uncoded)))
    height = math.ceil(top - bottom)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("# Natural Earth 1:110m Admin 0 - Countries, public domain (naturalearthdata.com), as\n")
        out.write("# Debian's python3-geopandas ships it; Equal Earth projection, simplified by\n")
        out.write(f"# scripts/make-world-map.py --tolerance {args.tolerance} --width {args.width} --min-area {args.min_area}.\n")
        out.write("# Lines: the viewBox, then an ISO 3166-1 alpha-2 code (or -- for land without one),\n")
        out.write("# a tab, and SVG path data.\n")
        out.write(f"viewBox\t0 0 {args.width} {height}\n")
        for code, path in rows:
            out.write(f"{code}\t{path}\n")
    size = sum(len(p) for _, p in rows)
    print(f"{len(rows)} countries, {size} bytes of path data", file=sys.stderr)


def encode(coords):
    """A closed ring as `M x y l dx dy … z`, whole units, repeated points dropped; '' if it vanishes."""
    points = []
    for x, y in coords[:-1]:
        point = (round(x), round(y))
        if not points or points[-1] != point:
            points.append(point)
    while len(points) > 1 and points[-1] == points[0]:
        points.pop()
    if len(points) < 3:
        return ""
    text = f"M{points[0][0]} {points[0][1]}l"
    previous = points[0]
    numbers = []
    for point in points[1:]:
        numbers += [point[0] - previous[0], point[1] - previous[1]]
        previous = point
    for i, n in enumerate(numbers):
        text += (str(n) if i == 0 or n < 0 else " " + str(n))
    return text + "z"


if __name__ == "__main__":
    main()
