#!/usr/bin/env python3
"""Writes a deterministic bilingual corpus for benchmarks: N entries (5% recommendations,
25% action-plan items, 30% events, 40% projects), about 5% left untranslated, each body about
2 KB of Markdown with headings, a list, a table, emphasis, 3 [[references]] and 2 `related`.
Projects carry typed fields (countries, status, since, the action-plan items they address) and
their section is a catalog with a map, as content/ is; --no-catalog writes the same corpus
without them, to measure what the catalog costs.

Usage: scripts/generate-corpus.py [--no-catalog] N DIR   (writes DIR/content/)
"""
import os
import random
import sys

WORDS_FR = ("volontariat société information réseau numérique accès télécentre formation "
            "développement communauté événement coopération partenaire projet logiciel libre "
            "éducation santé données culture jeunesse solidarité région ville école").split()
WORDS_EN = ("volunteering society information network digital access telecentre training "
            "development community event cooperation partner project software free "
            "education health data culture youth solidarity region city school").split()
SECTIONS = [("recommendations", "entry", 0.05, "recommandations", "recommendations"),
            ("action-plan", "entry", 0.25, "plan-d-action", "action-plan"),
            ("events", "event", 0.30, "evenements", "events"),
            ("projects", "entry", 0.40, "projets", "projects")]


def sentence(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def body(rng, words, refs):
    parts = []
    for h in range(3):
        parts.append(f"## {sentence(rng, words, 3)[:-1]} {h + 1}\n")
        parts.append(" ".join(sentence(rng, words, 12) for _ in range(4)) + f" *{rng.choice(words)}* **{rng.choice(words)}**.\n")
    parts.append("\n".join(f"- {sentence(rng, words, 6)}" for _ in range(4)) + "\n")
    parts.append("| a | b | c |\n|---|---|---|\n" + "\n".join(f"| {rng.choice(words)} | {rng.randint(1, 99)} | {rng.choice(words)} |" for _ in range(3)) + "\n")
    parts.append("Voir " + ", ".join(f"[[{r}]]" for r in refs) + ".\n")
    parts.append(" ".join(sentence(rng, words, 14) for _ in range(4)) + "\n")
    return "\n".join(parts)


# Countries the corpus's projects work in: a few often, most rarely, as in a real inventory.
COUNTRIES = ("SN ML BF CI NE GN TG BJ CM CD MA TN DZ EG KE TZ UG RW ET GH NG ZA MZ MG FR BE CH DE GB ES IT PT NL "
             "SE NO DK FI PL CZ RO BG GR TR RU UA IN PK BD LK NP CN JP KR VN TH KH LA MM PH ID MY AU NZ "
             "US CA MX GT HN SV NI CR PA CU DO HT CO VE EC PE BO BR PY UY AR CL LB JO SY IQ IR AF SA YE OM "
             "AE QA KZ UZ KG TJ TM MN GE AM AZ MR TD SD SS ER SO DJ ZM ZW MW BW NA AO GA CG CF LR SL GM GW").split()
STATUSES = ("active", "completed", "planned")


def fields(rng, action_plan):
    """The typed fields of one project: 1-3 countries (Zipf-like), a status, a year, 1-3 items."""
    countries = sorted({COUNTRIES[min(len(COUNTRIES) - 1, int(rng.paretovariate(1.1)) - 1)] for _ in range(rng.randint(1, 3))})
    items = sorted({rng.choice(action_plan) for _ in range(rng.randint(1, 3))})
    return [f"countries: [{', '.join(countries)}]", f"status: {rng.choice(STATUSES)}",
            f"since: {rng.randint(1995, 2025)}", f"addresses: [{', '.join(items)}]"]


PROJECT_FIELDS = """    fields:
      countries: { type: countries, title: { fr: Pays, en: Countries }, slug: { fr: pays, en: countries } }
      status:    { type: choice, title: { fr: "État", en: Status }, slug: { fr: etat, en: status },
                   values: { active: { fr: "En cours", en: Active }, completed: { fr: "Achevé", en: Completed },
                             planned: { fr: "Prévu", en: Planned } } }
      since:     { type: year, title: { fr: Depuis, en: Since }, slug: { fr: depuis, en: since } }
      addresses: { type: references, to: action-plan, slug: { fr: plan-d-action, en: action-plan },
                   title:   { fr: "Points du plan d’action", en: "Action-plan items" },
                   inverse: { fr: "Projets qui y répondent", en: "Projects addressing this item" } }
    catalog: { facets: [countries, status, since], map: countries,
               noun: { fr: projet, en: project }, nouns: { fr: projets, en: projects } }
"""


def main():
    arguments = [a for a in sys.argv[1:] if a != "--no-catalog"]
    catalog = "--no-catalog" not in sys.argv[1:]
    n, root = int(arguments[0]), arguments[1]
    rng = random.Random(2003)
    # The fields draw from their own generator: the corpus is the same with and without them.
    field_rng = random.Random(2005)
    content = os.path.join(root, "content")
    ids = []
    for name, kind, share, _, _ in SECTIONS:
        os.makedirs(os.path.join(content, name), exist_ok=True)
        ids += [f"{name}/{name[:3]}-{i:06d}" for i in range(max(1, int(n * share)))]
    with open(os.path.join(content, "site.yaml"), "w", encoding="utf-8") as f:
        f.write('title: { fr: "Corpus", en: "Corpus" }\nbaseURL: "https://example.org/corpus/"\n'
                'languages:\n  - { code: fr, name: "Français", locale: fr_FR }\n  - { code: en, name: "English", locale: en_GB }\n'
                "theme: default\nsections:\n")
        for name, kind, _, fr, en in SECTIONS:
            if name == "projects" and catalog:
                f.write(f"  {name}:\n    kind: {kind}\n    slug: {{ fr: {fr}, en: {en} }}\n    title: {{ fr: {name}, en: {name} }}\n" + PROJECT_FIELDS)
            else:
                f.write(f"  {name}: {{ kind: {kind}, slug: {{ fr: {fr}, en: {en} }}, title: {{ fr: {name}, en: {name} }} }}\n")
    action_plan = [i for i in ids if i.startswith("action-plan/")]
    for index, entry_id in enumerate(ids):
        section, slug = entry_id.split("/")
        refs = [rng.choice(ids) for _ in range(3)]
        related = [rng.choice(ids) for _ in range(2)]
        untranslated = rng.random() < 0.05
        typed = fields(field_rng, action_plan) if section == "projects" and catalog else []
        for lang, words in (("fr", WORDS_FR), ("en", WORDS_EN)):
            if untranslated and lang == "en":
                continue
            lines = ["---", f'title: "{sentence(rng, words, 4)[:-1]} {index}"', f"weight: {index}",
                     f"related: [{', '.join(related)}]", f'summary: "{sentence(rng, words, 8)}"']
            if section == "events":
                year, month, day = 2000 + index % 10, 1 + index % 12, 1 + index % 28
                lines.append(f"start: {year:04d}-{month:02d}-{day:02d}")
                if index % 3 == 0:
                    lines.append(f"end: {year:04d}-{month:02d}-{min(28, day + 2):02d}")
            lines += typed
            lines.append("---")
            with open(os.path.join(content, section, f"{slug}.{lang}.md"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n\n" + body(rng, words, refs))


if __name__ == "__main__":
    main()
