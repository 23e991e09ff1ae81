// cmark-gfm keeps the special inline characters of syntax extensions (~ for strikethrough,
// www. and : for autolinks…) in one table for the whole process. cmark_parser_finish adds its
// parser's extension characters to it before parsing inlines and removes them afterwards, so
// two parses at the same time break each other: one finishes and removes the characters the
// other is still using. Every parser here attaches the same extensions, so the characters can
// simply stay: this replacement (which the library calls through its PLT) forwards additions
// and ignores removals. Swift parses serially until a first parse shows it is in effect.
#define _GNU_SOURCE
#include "CCmarkGFMShared.h"
#include <dlfcn.h>
#include <stdatomic.h>

typedef void (*manage_function)(void *parser, int add);

static atomic_long calls;

void cmark_manage_extensions_special_characters(void *parser, int add) {
    static manage_function original;
    atomic_fetch_add(&calls, 1);
    if (!original) original = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
    if (add && original) original(parser, add);
}

long passerelle_cmark_special_character_calls(void) {
    return atomic_load(&calls);
}
