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

struct cmark_node;

/// Makes the HTML renderer write `heading` with `id` in its opening tag (`<h2 id="…">`), in the
/// same pass as the rest of the document: the id (copied, and freed with the node) becomes the
/// node's user data. `id` is written as it is: it must need no escaping.
void passerelle_cmark_set_heading_id(struct cmark_node *heading, const char *id);

/// 1 when a heading given an id renders as cmark writes a heading, with the id; 0 otherwise (a
/// cmark-gfm whose renderer is laid out differently): headings must then be rendered otherwise.
int passerelle_cmark_heading_ids_work(void);

#endif
