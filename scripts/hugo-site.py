#!/usr/bin/env python3
"""Turns a Passerelle corpus (from generate-corpus.py) into the same site for Hugo: the same files
(Hugo pairs translations by file name too), [[references]] as Hugo's ref shortcode, and minimal
templates that show the same data (title, summary, body, related entries, section listings).

Usage: scripts/hugo-site.py CORPUS_DIR HUGO_DIR
"""
import os
import re
import shutil
import sys

REF = re.compile(r"\[\[([^\]|]+)\]\]")


def main():
    corpus, hugo = sys.argv[1], sys.argv[2]
    if os.path.exists(hugo):
        shutil.rmtree(hugo)
    os.makedirs(os.path.join(hugo, "layouts", "_default"))
    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/corpus/"\ndefaultContentLanguage = "fr"\n'
                'defaultContentLanguageInSubdir = true\nrefLinksErrorLevel = "WARNING"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n'
                '[languages.fr]\nlanguageName = "Français"\nweight = 1\n[languages.en]\nlanguageName = "English"\nweight = 2\n')
    layouts = os.path.join(hugo, "layouts", "_default")
    base = ('<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>'
            '<nav>{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}</nav>'
            '<main>{{ block "main" . }}{{ end }}</main></body></html>\n')
    open(os.path.join(layouts, "baseof.html"), "w").write(base)
    open(os.path.join(layouts, "single.html"), "w").write(
        '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}'
        '{{ with .Params.related }}<ul>{{ range . }}{{ with site.GetPage . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ul>{{ end }}'
        '{{ end }}\n')
    open(os.path.join(layouts, "list.html"), "w").write(
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')
    source = os.path.join(corpus, "content")
    for section in sorted(os.listdir(source)):
        folder = os.path.join(source, section)
        if not os.path.isdir(folder):
            continue
        os.makedirs(os.path.join(hugo, "content", section))
        for name in sorted(os.listdir(folder)):
            text = open(os.path.join(folder, name), encoding="utf-8").read()
            text = REF.sub(lambda m: '[%s]({{< ref "/%s" >}})' % (m.group(1), m.group(1)), text)
            open(os.path.join(hugo, "content", section, name), "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
