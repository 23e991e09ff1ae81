#ifndef PASSERELLE_CCMARKGFMSHARED_H
#define PASSERELLE_CCMARKGFMSHARED_H

/// Sets the special inline characters of the syntax extensions named `names` that only match
/// inlines in cmark-gfm's process-wide table for good, and takes them out of those extensions, so
/// that finishing a parser no longer adds or removes them (see special_characters.c). Sets
/// `parses_alone[i]` for each extension whose characters open delimiter runs (they stay its own),
/// and `characters[c]` (256 entries) for those characters. Call it once, before any parse;
/// returns how many extensions it changed.
int passerelle_cmark_fix_special_characters(const char *const *names, int count, int *parses_alone,
                                             unsigned char *characters);

/// Puts back what `passerelle_cmark_fix_special_characters` took out of the extensions.
void passerelle_cmark_restore_special_characters(void);

#endif
