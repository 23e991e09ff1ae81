// cmark-gfm keeps the special inline characters of syntax extensions (~ for strikethrough, : and
// w for autolinks) in one table for the whole process. cmark_parser_finish adds those of its
// parser's extensions to it before parsing inlines and removes them afterwards, so two parses at
// the same time break each other: one finishes and removes the characters the other still uses.
//
// The characters of an extension that only matches inlines (autolink) are set here once for
// good, through the library's own API and however it was linked: a parser with the extension
// adds them (cmark_manage_extensions_special_characters), then they are taken out of the
// extension (cmark_syntax_extension_set_special_inline_chars), so that finishing a parser adds
// and removes nothing for it. An extension whose characters open delimiter runs
// (strikethrough) keeps them: the parser looks them up to know whose run it is. Those are
// reported, and the caller attaches that extension only to the parses of texts holding one of
// its characters, one at a time. The lists taken out are kept, to be put back if a probe parse
// shows that this library version works otherwise.
#include "CCmarkGFMShared.h"
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm/syntax_extension.h>

#define MAX_EXTENSIONS 16

static cmark_syntax_extension *changed[MAX_EXTENSIONS];
static cmark_llist *taken[MAX_EXTENSIONS];
static int changed_count;

int passerelle_cmark_fix_special_characters(const char *const *names, int count, int *parses_alone,
                                             unsigned char *characters) {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    if (!parser) return 0;
    for (int index = 0; index < 256; index++) characters[index] = 0;
    for (int index = 0; index < count; index++) {
        parses_alone[index] = 0;
        cmark_syntax_extension *extension = cmark_find_syntax_extension(names[index]);
        if (!extension || !extension->special_inline_chars) continue;
        if (extension->insert_inline_from_delim) {
            parses_alone[index] = 1;
            for (cmark_llist *item = extension->special_inline_chars; item; item = item->next)
                characters[(unsigned char)(size_t)item->data] = 1;
        } else if (changed_count < MAX_EXTENSIONS) {
            cmark_parser_attach_syntax_extension(parser, extension);
            changed[changed_count++] = extension;
        }
    }
    cmark_manage_extensions_special_characters(parser, 1);
    cmark_parser_free(parser);
    for (int index = 0; index < changed_count; index++) {
        taken[index] = changed[index]->special_inline_chars;
        cmark_syntax_extension_set_special_inline_chars(changed[index], NULL);
    }
    return changed_count;
}

void passerelle_cmark_restore_special_characters(void) {
    for (int index = 0; index < changed_count; index++) {
        cmark_syntax_extension_set_special_inline_chars(changed[index], taken[index]);
        taken[index] = NULL;
    }
    changed_count = 0;
}
